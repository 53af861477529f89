using System.Globalization;
using System.Text.Json;
using Assistant.Core.Evaluation.Release;

namespace Assistant.Core.Launch;

/// <summary>
/// Reads the gate's JSON report (the serialized <see cref="ReleaseGateReport"/>, camelCase) without binding the whole
/// report: only the verdict, version, rows and run time matter here, and a report from an older build still reads.
/// </summary>
public static class GateReportReader
{
    public const string HeldOutSplit = "held-out";
    private const string RedTeamPrefix = "redteam.";
    private const string FailuresSuffix = "Failures";

    public static GateReportRead Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return new GateReportRead(full, null, $"There is no gate report at {full}.");
        }
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(full));
            return new GateReportRead(full, Summarize(json.RootElement), null);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            return new GateReportRead(full, null, $"The gate report at {full} cannot be read: {error.Message}");
        }
    }

    public static GateReportSummary Summarize(JsonElement root)
    {
        if (!root.TryGetProperty("passed", out var passed) || passed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new InvalidDataException("it has no \"passed\" verdict; it is not a release gate report (assistant eval --suite all).");
        }
        var now = root.TryGetProperty("now", out var snapshot) ? snapshot : default;
        var redTeam = new Dictionary<string, double>(StringComparer.Ordinal);
        var heldOut = new Dictionary<string, double>(StringComparer.Ordinal);
        var failed = new List<string>();
        var rows = root.TryGetProperty("rows", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        foreach (var row in rows)
        {
            var split = row.GetProperty("split").GetString();
            var metric = row.GetProperty("metric").GetString()!;
            var value = row.GetProperty("now").GetDouble();
            if (split == HeldOutSplit)
            {
                heldOut[metric] = value;
            }
            else if (split == ReleaseSnapshot.All && metric.StartsWith(RedTeamPrefix, StringComparison.Ordinal) && metric.EndsWith(FailuresSuffix, StringComparison.Ordinal))
            {
                // "redteam.severeFailures" → "severe".
                redTeam[metric[RedTeamPrefix.Length..^FailuresSuffix.Length]] = value;
            }
            if (row.TryGetProperty("failsGate", out var fails) && fails.ValueKind == JsonValueKind.True)
            {
                failed.Add(string.Create(CultureInfo.InvariantCulture, $"{metric} ({value} vs {row.GetProperty("absoluteGate").GetString()})"));
            }
        }
        return new GateReportSummary(passed.GetBoolean(), ConfigVersion(root, now), RanAt(now), Text(now, "settings"), redTeam, heldOut, failed);
    }

    // The evaluated version sits on the report or on its "now" snapshot, depending on the build that wrote it.
    private static string? ConfigVersion(JsonElement root, JsonElement now) => Text(root, "configVersion") ?? Text(now, "configVersion");

    private static DateTimeOffset? RanAt(JsonElement now) =>
        Text(now, "createdAt") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
