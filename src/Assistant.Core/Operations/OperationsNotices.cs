namespace Assistant.Core.Operations;

/// <summary>What users are told while a switch is on (on answers, in the chat banner, on a refused tool action).</summary>
public static class OperationsNotices
{
    public const string ForcedOffline = "Safe mode: this answer was put together from the knowledge base without the AI model.";

    public const string MaintenanceGenerator = "maintenance";

    public static string ToolOff(string tool) => $"The tool '{tool}' is turned off by an administrator for now; nothing was done. Please try again later or contact support.";

    /// <summary>One line for the chat banner, or null when every switch is off.</summary>
    public static string? Banner(OperationsSettings settings)
    {
        if (settings.Maintenance)
        {
            return settings.MaintenanceMessage;
        }
        var parts = new List<string>();
        if (settings.ForceOffline)
        {
            parts.Add("Safe mode: answers come from the knowledge base without the AI model.");
        }
        if (settings.AllToolsOff)
        {
            parts.Add("Account actions are turned off for now.");
        }
        else if (settings.DisabledTools.Count > 0)
        {
            parts.Add($"Some account actions are turned off for now ({string.Join(", ", settings.DisabledTools)}).");
        }
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
