using Assistant.Core.Evaluation.Release;

namespace Assistant.Core.Tests.Evaluation.Release;

/// <summary>Hand-made snapshots for the comparison tests: one "all" split with the given metrics and case signals.</summary>
internal static class Snapshots
{
    public static ReleaseSnapshot With(Dictionary<string, double> metrics, Dictionary<string, IReadOnlyDictionary<string, string>>? cases = null) =>
        new("test", "extractive-v1", "test settings", DateTimeOffset.UnixEpoch, 1,
            new Dictionary<string, IReadOnlyDictionary<string, double>> { [ReleaseSnapshot.All] = metrics }, null,
            cases ?? new Dictionary<string, IReadOnlyDictionary<string, string>>());

    public static GateRule Precision => new("answers.citationPrecision", GateRule.Min, 0.9, 0.01);

    public static GateRule Latency => new("answers.latencyP95Ms", GateRule.Max, 150, 50);
}
