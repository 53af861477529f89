namespace Assistant.Core.Releases;

public enum VersionStatus
{
    /// <summary>Being written: its settings may still change; it cannot serve users.</summary>
    Draft,

    /// <summary>Frozen: its settings never change again, so an answer's version says exactly what produced it.</summary>
    Published,
}

/// <summary>
/// A named, immutable-once-published bundle of <see cref="AssistantSettings"/>. Every answer's trace records the
/// version that produced it (<c>AnswerTrace.ConfigVersion</c>), and <c>assistant eval --config &lt;id&gt;</c>
/// evaluates one.
/// </summary>
/// <param name="Id">Short, URL-safe and unique: "v1", "v2-shorter-answers".</param>
/// <param name="BasedOn">The version it was copied from, which its diff is shown against.</param>
public sealed record AssistantVersion(
    string Id,
    string Description,
    AssistantSettings Settings,
    VersionStatus Status,
    string? BasedOn,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt);
