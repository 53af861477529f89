using Assistant.Core.Releases;

namespace Assistant.Core.Tests.Releases;

/// <summary>Answers everyone with the version the test sets (or the configured one until it sets one), as a rollout would pick one.</summary>
internal sealed class SettableVersionSelector(IAssistantVersionStore store) : IVersionSelector
{
    public AssistantVersion? Version { get; set; }

    public string Arm { get; set; } = ReleaseArm.Candidate;

    public async ValueTask<VersionChoice> ChooseAsync(string? userId, CancellationToken cancellationToken = default) =>
        Version is { } version ? new VersionChoice(version, Arm) : new VersionChoice(await store.ConfiguredAsync(cancellationToken), ReleaseArm.Stable);
}
