using Assistant.Core.Releases;

namespace Assistant.Web.Releases;

/// <summary>What changes from one version to another.</summary>
public sealed record VersionComparison(string From, string To, IReadOnlyList<SettingChange> Changes);
