namespace Assistant.Core.Releases;

/// <summary>
/// Without a rollout every user gets the configured version, as the stable arm. The rollout feature registers its own
/// selector in place of this one.
/// </summary>
public sealed class StableVersionSelector(IAssistantVersionStore store) : IVersionSelector
{
    public async ValueTask<VersionChoice> ChooseAsync(string? userId, CancellationToken cancellationToken = default) =>
        new(await store.ConfiguredAsync(cancellationToken), ReleaseArm.Stable);
}
