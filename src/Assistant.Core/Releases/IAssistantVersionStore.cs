namespace Assistant.Core.Releases;

/// <summary>
/// The assistant versions: drafts that may still change and published versions that never do. The version built from
/// the deployment's configuration is always there, so a fresh install answers with a known, recorded version.
/// </summary>
public interface IAssistantVersionStore
{
    /// <summary>
    /// The version the deployment's configuration describes (Assistant:Answers, Assistant:Model, the answer prompt, the
    /// registered tools). Its id is derived from its settings ("config-" and a short hash), so a changed configuration
    /// is a new version and an unchanged one keeps its id across restarts. Published on first sight.
    /// </summary>
    ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AssistantVersion>> ListAsync(CancellationToken cancellationToken = default);

    Task<AssistantVersion?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates a draft. Throws <see cref="VersionConflictException"/> when the id is taken.</summary>
    Task<AssistantVersion> CreateDraftAsync(string id, string description, AssistantSettings settings, string? basedOn, string actor,
        CancellationToken cancellationToken = default);

    /// <summary>Changes a draft. Throws <see cref="VersionConflictException"/> when the version is published.</summary>
    Task<AssistantVersion> UpdateDraftAsync(string id, string description, AssistantSettings settings, string actor,
        CancellationToken cancellationToken = default);

    /// <summary>Freezes a draft and audits it; publishing a published version changes nothing.</summary>
    Task<AssistantVersion> PublishAsync(string id, string actor, CancellationToken cancellationToken = default);
}

/// <summary>A change the version's state forbids: a taken id, or a change to a published version (HTTP 409).</summary>
public sealed class VersionConflictException(string message) : Exception(message);
