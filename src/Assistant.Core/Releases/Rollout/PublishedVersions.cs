using System.Collections.Concurrent;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Published versions by id, held in memory after the first read: a published version never changes, so holding it is
/// always right, and choosing a version per answer costs no database read. Drafts are never held (nor served).
/// </summary>
public sealed class PublishedVersions(IAssistantVersionStore store)
{
    private readonly ConcurrentDictionary<string, AssistantVersion> _held = new(StringComparer.Ordinal);

    /// <summary>The stable version of <paramref name="state"/>: its stable id, or the version made from configuration.</summary>
    public async ValueTask<AssistantVersion> StableAsync(RolloutState state, CancellationToken cancellationToken = default) =>
        state.StableId is { } id && await GetAsync(id, cancellationToken) is { } stable ? stable : await ConfiguredAsync(cancellationToken);

    /// <summary>The version made from configuration; the store holds it after its first read.</summary>
    public ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default) => store.ConfiguredAsync(cancellationToken);

    /// <summary>The published version <paramref name="id"/>, or null when there is none (unknown, or still a draft).</summary>
    public async ValueTask<AssistantVersion?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (_held.TryGetValue(id, out var held))
        {
            return held;
        }
        var version = await store.GetAsync(id, cancellationToken);
        if (version is not { Status: VersionStatus.Published })
        {
            return null;
        }
        _held[id] = version;
        return version;
    }
}
