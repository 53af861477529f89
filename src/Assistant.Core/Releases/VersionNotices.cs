namespace Assistant.Core.Releases;

/// <summary>What users are told when the assistant version answering them does not allow something.</summary>
public static class VersionNotices
{
    public static string ToolNotEnabled(string tool, string version) =>
        $"The tool '{tool}' is not enabled in the assistant version '{version}' answering you; nothing was done. Please contact support.";

    public static bool Enables(AssistantVersion version, string tool) => version.Settings.EnabledTools.Contains(tool, StringComparer.Ordinal);
}
