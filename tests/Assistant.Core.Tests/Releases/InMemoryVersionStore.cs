using System.Collections.Concurrent;
using Assistant.Core.Answers;
using Assistant.Core.Releases;

namespace Assistant.Core.Tests.Releases;

/// <summary>
/// A version store in memory for rollout tests, which need versions but not how they are stored. The configured
/// version is "config-test", published.
/// </summary>
internal sealed class InMemoryVersionStore : IAssistantVersionStore
{
    public const string ConfiguredId = "config-test";

    private readonly ConcurrentDictionary<string, AssistantVersion> _versions = new(StringComparer.Ordinal);

    public InMemoryVersionStore() => _versions[ConfiguredId] = Version(ConfiguredId, null, VersionStatus.Published);

    public static AssistantSettings Settings(string? model = null) =>
        new("answer-v2", model, null, null, new AnswerPolicy(5, 0.5, 0.3, 0.4, UnsupportedSentencePolicy.Drop, 120), []);

    /// <summary>Adds a published version (or a draft) naming <paramref name="model"/>.</summary>
    public AssistantVersion Add(string id, string? model = "candidate-model", VersionStatus status = VersionStatus.Published) =>
        _versions[id] = Version(id, model, status);

    public ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_versions[ConfiguredId]);

    public Task<IReadOnlyList<AssistantVersion>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AssistantVersion>>(_versions.Values.OrderBy(v => v.Id, StringComparer.Ordinal).ToList());

    public Task<AssistantVersion?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(_versions.GetValueOrDefault(id));

    public Task<AssistantVersion> CreateDraftAsync(string id, string description, AssistantSettings settings, string? basedOn, string actor,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("Rollout tests add versions with Add.");

    public Task<AssistantVersion> UpdateDraftAsync(string id, string description, AssistantSettings settings, string actor,
        CancellationToken cancellationToken = default) => throw new NotSupportedException("Rollout tests add versions with Add.");

    public Task<AssistantVersion> PublishAsync(string id, string actor, CancellationToken cancellationToken = default) =>
        Task.FromResult(_versions[id] = _versions[id] with { Status = VersionStatus.Published, PublishedAt = DateTimeOffset.UtcNow });

    private static AssistantVersion Version(string id, string? model, VersionStatus status) =>
        new(id, $"Version {id}", Settings(model), status, null, "test", DateTimeOffset.UtcNow, status == VersionStatus.Published ? DateTimeOffset.UtcNow : null);
}
