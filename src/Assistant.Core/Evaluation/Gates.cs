using System.Text.Json;

namespace Assistant.Core.Evaluation;

public sealed record GateResult(string Metric, string Comparison, double Threshold, double Value, bool Passed);

/// <summary>
/// Release gates: thresholds on named metrics, read from evals/gates.json as
/// {"answers": {"retrievalHitAt5": {"min": 0.95}, "latencyP95Ms": {"max": 150}}}.
/// </summary>
public static class Gates
{
    /// <param name="metrics">A record whose properties are the metrics the suite's gates name.</param>
    public static IReadOnlyList<GateResult> Check(string path, string suite, object metrics)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        if (!json.RootElement.TryGetProperty(suite, out var gates))
        {
            throw new InvalidDataException($"{path} has no \"{suite}\" section.");
        }
        var values = JsonSerializer.SerializeToElement(metrics, metrics.GetType(), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var results = new List<GateResult>();
        foreach (var gate in gates.EnumerateObject())
        {
            if (!values.TryGetProperty(gate.Name, out var value))
            {
                throw new InvalidDataException($"{path}: gate '{suite}.{gate.Name}' names no metric; metrics are {string.Join(", ", values.EnumerateObject().Select(p => p.Name))}.");
            }
            // maxRegression is checked against a baseline (Release/BaselineComparer), not here.
            foreach (var bound in gate.Value.EnumerateObject().Where(b => b.Name != "maxRegression"))
            {
                var threshold = bound.Value.GetDouble();
                var actual = value.GetDouble();
                var passed = bound.Name switch
                {
                    "min" => actual >= threshold,
                    "max" => actual <= threshold,
                    _ => throw new InvalidDataException($"{path}: gate '{suite}.{gate.Name}' uses '{bound.Name}'; use min or max."),
                };
                results.Add(new GateResult(gate.Name, bound.Name, threshold, actual, passed));
            }
        }
        return results;
    }
}
