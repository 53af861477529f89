using Assistant.Core.Releases;
using Assistant.Core.Releases.Rollout;

namespace Assistant.Web.Releases;

/// <summary>What an admin sends to start a rollout, or to change the audience of the running one.</summary>
public sealed record SetCandidateRequest(string? Candidate, IReadOnlyList<string>? Users, IReadOnlyList<string>? Groups, double? Percentage);

/// <summary>An optional reason for a rollback by hand, kept in the event and the audit row.</summary>
public sealed record RollbackRequest(string? Reason);

/// <summary>A version as the releases view shows it.</summary>
public sealed record ReleaseVersion(string Id, string Description, string? Model, string AnswerPrompt, DateTimeOffset? PublishedAt)
{
    public static ReleaseVersion Of(AssistantVersion version) =>
        new(version.Id, version.Description, version.Settings.Model, version.Settings.AnswerPrompt, version.PublishedAt);
}

/// <summary>
/// The rollout in force: stable and candidate with the candidate's diff against stable, the audience, when it started
/// and who changed it, the guard comparison (null with no candidate), the groups one can target, and recent events.
/// </summary>
public sealed record ReleasesView(
    ReleaseVersion Stable,
    ReleaseVersion? Candidate,
    IReadOnlyList<SettingChange> Diff,
    RolloutAudience Audience,
    DateTimeOffset? StartedAt,
    string? ChangedBy,
    DateTimeOffset? ChangedAt,
    GuardReport? Guards,
    IReadOnlyList<string> Groups,
    IReadOnlyList<ReleaseEvent> Events);
