using Assistant.Core.Answers;
using Assistant.Core.Launch;
using Assistant.Core.Releases;

namespace Assistant.Core.Tests.Launch;

/// <summary>A version store that knows only the configured version: all the checklist asks of it.</summary>
public sealed class TestVersionStore(string configuredId) : IAssistantVersionStore
{
    public ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new AssistantVersion(configuredId, "from configuration",
            new AssistantSettings("answer-v2", null, null, null, new AnswerPolicy(5, 0.2, 0.5, 0.1, UnsupportedSentencePolicy.Drop, 200), []),
            VersionStatus.Published, null, "system", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    public Task<IReadOnlyList<AssistantVersion>> ListAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AssistantVersion?> GetAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AssistantVersion> CreateDraftAsync(string id, string description, AssistantSettings settings, string? basedOn, string actor,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AssistantVersion> UpdateDraftAsync(string id, string description, AssistantSettings settings, string actor,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<AssistantVersion> PublishAsync(string id, string actor, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

/// <summary>A running rollout whose candidate is <paramref name="candidate"/> (null: none running).</summary>
public sealed class TestRolloutCandidate(string? candidate, string? promotedStable = null) : IRolloutCandidate
{
    public ValueTask<string?> CandidateVersionAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(candidate);

    public ValueTask<string?> PromotedStableVersionAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(promotedStable);
}
