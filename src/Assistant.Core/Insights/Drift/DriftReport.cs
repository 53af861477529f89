namespace Assistant.Core.Insights.Drift;

/// <summary>The drift section: each check against the reference period, and the top-score histograms side by side.</summary>
public sealed record DriftReport(DateOnly ReferenceFrom, DateOnly ReferenceTo, IReadOnlyList<DriftCheck> Checks, IReadOnlyList<ScoreBin> TopScores)
{
    public double? QueryDivergence => Checks.FirstOrDefault(c => c.Id == DriftThresholds.QueryMixId)?.Current;
}
