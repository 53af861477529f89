namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// One thing that happened to a release: a rollout started or changed, a promotion, a rollback (by an admin or by the
/// guards). A rollback by the guards names the metric, both arms' values and sample sizes.
/// </summary>
public sealed record ReleaseEvent(
    string Id,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string? StableId,
    string? CandidateId,
    string Detail,
    GuardBreach? Breach = null)
{
    public const string Started = "started";
    public const string Changed = "changed";
    public const string Promoted = "promoted";
    public const string RolledBack = "rolled-back";
}

/// <summary>The guard that failed: the metric, the candidate's and stable's values, the allowance, and both arms' samples.</summary>
public sealed record GuardBreach(string Metric, double Candidate, double Stable, double Allowed, int CandidateSample, int StableSample);
