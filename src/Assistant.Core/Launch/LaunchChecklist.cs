namespace Assistant.Core.Launch;

/// <summary>The launch checklist as computed at <see cref="CheckedAt"/>: ready only when every item is.</summary>
/// <param name="Version">The version to launch, or null when this build cannot tell.</param>
/// <param name="VersionSource">Why that version: the rollout's candidate, the configured version, or why none is known.</param>
public sealed record LaunchChecklist(DateTimeOffset CheckedAt, string? Version, string VersionSource, IReadOnlyList<LaunchItem> Items)
{
    public bool Ready => Items.All(item => item.State == LaunchState.Ready);

    public int ReadyCount => Items.Count(item => item.State == LaunchState.Ready);
}
