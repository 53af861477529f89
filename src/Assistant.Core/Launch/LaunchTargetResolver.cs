using Assistant.Core.Releases;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Launch;

/// <summary>
/// Finds the version to launch: the rollout's candidate, else the stable version an admin promoted, else the configured
/// version. Both sources are optional services (registered with Releases), and a host without them still gets a
/// checklist that says the version is not known.
/// </summary>
public sealed class LaunchTargetResolver(IServiceProvider services)
{
    public const string FromCandidate = "the rollout's candidate";
    public const string FromPromotedStable = "the stable version an admin promoted";
    public const string FromConfiguration = "the configured version";
    public const string NoStore = "no assistant version store is registered in this build, so the version to launch is not known";

    public async Task<LaunchTarget> ResolveAsync(CancellationToken cancellationToken)
    {
        var rollout = services.GetService<IRolloutCandidate>();
        if (rollout is not null && await rollout.CandidateVersionAsync(cancellationToken) is { } candidate)
        {
            return new LaunchTarget(candidate, FromCandidate);
        }
        if (rollout is not null && await rollout.PromotedStableVersionAsync(cancellationToken) is { } stable)
        {
            return new LaunchTarget(stable, FromPromotedStable);
        }
        if (services.GetService<IAssistantVersionStore>() is { } versions)
        {
            return new LaunchTarget((await versions.ConfiguredAsync(cancellationToken)).Id, FromConfiguration);
        }
        return new LaunchTarget(null, NoStore);
    }
}
