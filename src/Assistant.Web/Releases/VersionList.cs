using Assistant.Core.Releases;

namespace Assistant.Web.Releases;

/// <summary>Every version, oldest first, and the one the configuration describes.</summary>
public sealed record VersionList(string Configured, IReadOnlyList<AssistantVersion> Versions);
