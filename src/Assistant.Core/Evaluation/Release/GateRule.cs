using System.Text.Json;

namespace Assistant.Core.Evaluation.Release;

/// <summary>
/// One metric's gate, from evals/gates.json: an absolute bound (<c>min</c> or <c>max</c>) and optionally the largest
/// change for the worse from the baseline (<c>maxRegression</c>, in the metric's own unit). The key is
/// "section.metric", e.g. "answers.citationPrecision" or "redteam.severeFailures".
/// </summary>
public sealed record GateRule(string Key, string Bound, double Threshold, double? MaxRegression)
{
    public const string Min = "min";
    public const string Max = "max";

    /// <summary>A "min" gate is on a metric where more is better (recall); a "max" gate on one where less is (latency).</summary>
    public bool HigherIsBetter => Bound == Min;

    public bool IsLatency => Key.Contains("latency", StringComparison.OrdinalIgnoreCase);

    public bool PassesAbsolute(double value) => HigherIsBetter ? value >= Threshold : value <= Threshold;

    /// <summary>How much worse <paramref name="now"/> is than <paramref name="baseline"/> (negative when better).</summary>
    public double Worsening(double baseline, double now) => HigherIsBetter ? baseline - now : now - baseline;

    public static IReadOnlyList<GateRule> Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var rules = new List<GateRule>();
        foreach (var section in json.RootElement.EnumerateObject())
        {
            foreach (var metric in section.Value.EnumerateObject())
            {
                var key = $"{section.Name}.{metric.Name}";
                double? regression = metric.Value.TryGetProperty("maxRegression", out var r) ? r.GetDouble() : null;
                var bounds = metric.Value.EnumerateObject().Where(p => p.Name is Min or Max).ToList();
                if (bounds.Count != 1)
                {
                    throw new InvalidDataException($"{path}: '{key}' needs exactly one of min or max (maxRegression is measured against it).");
                }
                if (regression is < 0)
                {
                    throw new InvalidDataException($"{path}: '{key}' has a negative maxRegression.");
                }
                rules.Add(new GateRule(key, bounds[0].Name, bounds[0].Value.GetDouble(), regression));
            }
        }
        return rules;
    }
}
