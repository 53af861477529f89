namespace Assistant.Core.Launch;

/// <summary>
/// What the staged rollout says about the version to launch, for the launch checklist. Without a registration the
/// checklist launches the configured version.
/// </summary>
public interface IRolloutCandidate
{
    /// <summary>The candidate's version id, or null when no rollout is running.</summary>
    ValueTask<string?> CandidateVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>The version an admin promoted to stable, or null while stable is still the configured version.</summary>
    ValueTask<string?> PromotedStableVersionAsync(CancellationToken cancellationToken = default);
}
