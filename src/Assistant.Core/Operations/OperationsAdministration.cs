using Assistant.Core.Audit;

namespace Assistant.Core.Operations;

/// <summary>
/// What admins change: an override of the configured switches, stored in the app database (every replica reads it
/// within a second), in force in this process at once, and audited with what changed; clearing it returns to the
/// configured switches.
/// </summary>
public sealed class OperationsAdministration(IOperationsStore store, OperationsSwitches switches, IAuditLog audit)
{
    /// <summary>The audit log's tool name for switch changes (not a tool action, but belongs in the same record).</summary>
    public const string AuditTool = "operations";

    /// <summary>
    /// What is wrong with <paramref name="settings"/>, by field, or an empty map when nothing is. The caller names the
    /// tools there are (the tool catalog): Operations knows no tools.
    /// </summary>
    public static Dictionary<string, string[]> Problems(OperationsSettings settings, IReadOnlyCollection<string> known)
    {
        var problems = new Dictionary<string, string[]>();
        var unknown = (settings.DisabledTools ?? []).Where(name => !known.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            problems["disabledTools"] = [$"Unknown tool(s): {string.Join(", ", unknown)}. Tools are: {string.Join(", ", known)}."];
        }
        if (string.IsNullOrWhiteSpace(settings.MaintenanceMessage) || settings.MaintenanceMessage.Length > OperationsSettings.MaxMessageLength)
        {
            problems["maintenanceMessage"] = [$"The maintenance message is 1 to {OperationsSettings.MaxMessageLength} characters."];
        }
        return problems;
    }

    /// <summary>Stores, holds and audits <paramref name="settings"/>; the caller has checked them with <see cref="Problems"/>.</summary>
    public async Task<OperationsState> SetAsync(string username, string role, OperationsSettings settings, CancellationToken cancellationToken = default)
    {
        settings = settings with { DisabledTools = settings.DisabledTools.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() };
        var before = (await switches.CurrentAsync(cancellationToken)).Settings;
        var state = await store.WriteAsync(settings, username, cancellationToken);
        switches.Hold(state);
        await audit.AppendAsync(new AuditRecord(username, role, AuditEvent.OperationsChanged, AuditTool, "ok",
            Detail: $"{Describe(before)} → {Describe(settings)}"), CancellationToken.None);
        return state;
    }

    public async Task<OperationsState> ClearAsync(string username, string role, CancellationToken cancellationToken = default)
    {
        var before = (await switches.CurrentAsync(cancellationToken)).Settings;
        await store.ClearAsync(cancellationToken);
        var state = switches.Configured;
        switches.Hold(state);
        await audit.AppendAsync(new AuditRecord(username, role, AuditEvent.OperationsChanged, AuditTool, "ok",
            Detail: $"{Describe(before)} → configuration: {Describe(state.Settings)}"), CancellationToken.None);
        return state;
    }

    public static string Describe(OperationsSettings settings)
    {
        var on = new List<string>();
        if (settings.Maintenance) on.Add("maintenance");
        if (settings.ForceOffline) on.Add("forced offline");
        if (settings.AllToolsOff) on.Add("all tools off");
        if (settings.DisabledTools.Count > 0) on.Add($"tools off: {string.Join(", ", settings.DisabledTools)}");
        return on.Count == 0 ? "all on" : string.Join("; ", on);
    }
}
