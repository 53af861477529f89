using Assistant.Core.Releases;

namespace Assistant.Web.Releases;

/// <summary>One version and what it changes from the version it was based on.</summary>
public sealed record VersionView(AssistantVersion Version, IReadOnlyList<SettingChange> ChangesFromBase);
