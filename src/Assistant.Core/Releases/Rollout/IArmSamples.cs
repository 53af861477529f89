namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// What both arms of a rollout did since it started, read from the traces and feedback the other features store: only
/// answers of the rollout's own stable and candidate versions count, so an answer from before a promotion never counts
/// for the wrong side.
/// </summary>
public interface IArmSamples
{
    Task<(ArmSample Stable, ArmSample Candidate)> ReadAsync(string stableId, string candidateId, DateTimeOffset since,
        CancellationToken cancellationToken = default);
}
