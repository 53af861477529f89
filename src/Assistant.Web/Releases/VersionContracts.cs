using System.Text.Json.Nodes;
using Assistant.Core.Releases;

namespace Assistant.Web.Releases;

/// <summary>
/// A new draft. <see cref="Settings"/> is merged over the base's settings (or the configured version's when
/// <see cref="BasedOn"/> is absent): send only what changes, e.g. <c>{"answers": {"supportThreshold": 0.6}}</c>.
/// </summary>
public sealed record CreateVersionRequest(string? Id, string? Description, string? BasedOn, JsonObject? Settings);

/// <summary>A change to a draft: a new description and/or settings merged over the draft's own.</summary>
public sealed record UpdateVersionRequest(string? Description, JsonObject? Settings);

/// <summary>One version and what it changes from the version it was based on.</summary>
public sealed record VersionView(AssistantVersion Version, IReadOnlyList<SettingChange> ChangesFromBase);

/// <summary>Every version, oldest first, and the one the configuration describes.</summary>
public sealed record VersionList(string Configured, IReadOnlyList<AssistantVersion> Versions);

/// <summary>What changes from one version to another.</summary>
public sealed record VersionComparison(string From, string To, IReadOnlyList<SettingChange> Changes);
