using System.Text.Json;

namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// What one gate run measured, kept as a baseline (evals/baselines/&lt;name&gt;.json) or compared with one: metrics per
/// split ("all", "dev", "held-out") keyed "section.metric", their intervals when runs were repeated, and per case a few
/// signals (outcome, retrieval hit, facts found, ...) so the cases that flipped can be listed.
/// </summary>
public sealed record ReleaseSnapshot(
    string Name,
    string Generator,
    string Settings,
    DateTimeOffset CreatedAt,
    int Runs,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Splits,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, MetricInterval>>? Intervals,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Cases)
{
    public const string All = "all";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public double? Value(string split, string key) =>
        Splits.TryGetValue(split, out var metrics) && metrics.TryGetValue(key, out var value) ? value : null;

    public MetricInterval? Interval(string split, string key) =>
        Intervals is not null && Intervals.TryGetValue(split, out var metrics) && metrics.TryGetValue(key, out var interval) ? interval : null;

    public static ReleaseSnapshot Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No baseline at {path}; write one with --write-baseline <name>.", path);
        }
        return JsonSerializer.Deserialize<ReleaseSnapshot>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} holds no baseline.");
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }
}
