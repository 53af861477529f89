namespace Assistant.Core.Launch;

/// <summary>
/// The candidate version of a running staged rollout, for the launch checklist. Releases registers it (the rollout
/// owns the concept); without a registration the checklist launches the configured version.
/// </summary>
public interface IRolloutCandidate
{
    /// <summary>The candidate's version id, or null when no rollout is running.</summary>
    ValueTask<string?> CandidateVersionAsync(CancellationToken cancellationToken = default);
}
