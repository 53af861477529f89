namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Candidate against stable since the rollout started: both samples, the minimum each needs, and every guard's result.
/// <see cref="Breach"/> is the first breached guard (in <see cref="GuardMetric.All"/> order), or null.
/// </summary>
public sealed record GuardReport(ArmSample Stable, ArmSample Candidate, int MinimumSample, IReadOnlyList<GuardResult> Results)
{
    public bool Ready => Stable.Questions >= MinimumSample && Candidate.Questions >= MinimumSample;

    public GuardResult? FirstBreach => Results.FirstOrDefault(result => result.Verdict == GuardVerdict.Breach);

    public GuardBreach? Breach => FirstBreach is { } first
        ? new GuardBreach(first.Metric, first.Candidate, first.Stable, first.Allowed, Candidate.Questions, Stable.Questions)
        : null;

    /// <summary>Share of the compared answers the candidate gave (0 when none were given).</summary>
    public double CandidateShare => Stable.Questions + Candidate.Questions == 0 ? 0 : (double)Candidate.Questions / (Stable.Questions + Candidate.Questions);
}
