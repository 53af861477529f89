namespace Assistant.Core.Launch;

/// <summary>The gate report as read from <see cref="Path"/>: its summary, or why there is none.</summary>
public sealed record GateReportRead(string Path, GateReportSummary? Report, string? Problem);
