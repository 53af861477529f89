namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Judges a candidate against stable. Nothing is judged until both arms have the minimum sample: a guard on a handful of
/// answers would roll back good candidates on noise. A guard breaches when the candidate's value exceeds the allowance
/// built on stable's.
/// </summary>
public static class GuardEvaluation
{
    public static GuardReport Evaluate(ArmSample stable, ArmSample candidate, ReleasesOptions options)
    {
        var ready = stable.Questions >= options.MinimumSample && candidate.Questions >= options.MinimumSample;
        var results = GuardMetric.All.Select(metric =>
        {
            var (stableValue, candidateValue) = (metric.Read(stable), metric.Read(candidate));
            var allowed = metric.Allowed(stableValue, options);
            // Few answers are rated: the 👎 rate waits for enough ratings on both sides as well.
            var judged = ready && (!metric.NeedsRatings || (stable.Rated >= options.MinimumRatings && candidate.Rated >= options.MinimumRatings));
            var verdict = !judged ? GuardVerdict.Waiting : candidateValue > allowed + 1e-12 ? GuardVerdict.Breach : GuardVerdict.Pass;
            return new GuardResult(metric.Name, metric.Title, metric.Definition, metric.Unit, stableValue, candidateValue, allowed, verdict);
        }).ToList();
        return new GuardReport(stable, candidate, options.MinimumSample, results);
    }
}
