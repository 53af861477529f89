namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// The rollout in force: the stable version (null: the version made from configuration), the candidate being rolled
/// out (null: none, everyone gets stable), its audience, when the candidate started (guards compare answers since then),
/// and who changed the rollout last.
/// </summary>
public sealed record RolloutState(
    string? StableId,
    string? CandidateId,
    RolloutAudience Audience,
    DateTimeOffset? StartedAt,
    string? ChangedBy,
    DateTimeOffset? ChangedAt)
{
    public static RolloutState Initial { get; } = new(null, null, RolloutAudience.Nobody, null, null, null);

    public bool HasCandidate => CandidateId is not null;
}
