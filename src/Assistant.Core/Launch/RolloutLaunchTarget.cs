using Assistant.Core.Releases.Rollout;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Launch;

/// <summary>
/// The rollout's candidate and promoted stable version, read from the rollout every answer also reads. A host without
/// the rollout (Releases not registered) has neither, and the checklist launches the configured version.
/// </summary>
public sealed class RolloutLaunchTarget(IServiceProvider services) : IRolloutCandidate
{
    public async ValueTask<string?> CandidateVersionAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken))?.CandidateId;

    public async ValueTask<string?> PromotedStableVersionAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken))?.StableId;

    private async ValueTask<RolloutState?> CurrentAsync(CancellationToken cancellationToken) =>
        services.GetService<CurrentRollout>() is { } rollout ? await rollout.CurrentAsync(cancellationToken) : null;
}
