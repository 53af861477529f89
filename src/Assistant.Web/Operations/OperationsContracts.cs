using Assistant.Core.Audit;
using Assistant.Core.Operations;

namespace Assistant.Web.Operations;

/// <summary>What an admin sends to set the switches; a missing field keeps its current value.</summary>
public sealed record SetOperationsRequest(bool? AllToolsOff, IReadOnlyList<string>? DisabledTools, bool? ForceOffline, bool? Maintenance, string? MaintenanceMessage);

/// <summary>The switches in force, where they come from, the configured ones, the tools one can turn off, and the recent changes.</summary>
public sealed record OperationsView(OperationsState Current, OperationsSettings Configured, IReadOnlyList<string> Tools, IReadOnlyList<AuditEntry> Changes);
