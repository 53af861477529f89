using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Core.Evaluation.Release;

namespace Assistant.Core.Tests.Launch;

/// <summary>
/// Gate reports made the way <c>assistant eval --suite all</c> makes them: a real <see cref="ReleaseGateReport"/>
/// serialized with the CLI's JSON settings, so a change to the report's shape breaks these tests, not the checklist.
/// </summary>
public static class TestGateReport
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly GateRule[] Rules =
    [
        new("answers.factRecall", GateRule.Min, 0.6, 0.03),
        new("redteam.severeFailures", GateRule.Max, 0, 0),
        new("redteam.majorFailures", GateRule.Max, 2, 0),
    ];

    /// <param name="factRecall">Below 0.6 fails the gate.</param>
    /// <param name="configVersion">Written as the report's configVersion when given.</param>
    public static void Write(string path, double factRecall = 0.8, int severe = 0, bool heldOut = true, bool redTeam = true, string? configVersion = "config-aaaa1111")
    {
        var all = new Dictionary<string, double> { ["answers.factRecall"] = factRecall };
        if (redTeam)
        {
            all["redteam.severeFailures"] = severe;
            all["redteam.majorFailures"] = 1;
        }
        var splits = new Dictionary<string, IReadOnlyDictionary<string, double>> { [ReleaseSnapshot.All] = all };
        if (heldOut)
        {
            splits["held-out"] = new Dictionary<string, double> { ["answers.factRecall"] = 0.7, ["answers.retrievalHitAt5"] = 0.95 };
        }
        var ranAt = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);
        var baseline = new ReleaseSnapshot("main", "extractive-v1", "offline", ranAt.AddDays(-3), 1, splits, null, new Dictionary<string, IReadOnlyDictionary<string, string>>());
        var now = baseline with { Name = "now", CreatedAt = ranAt };
        var report = ReleaseGateReport.Create("evals/baselines/main.json", baseline, now, Rules, null, []);
        var json = JsonSerializer.SerializeToNode(report, Web)!.AsObject();
        if (configVersion is not null)
        {
            json["configVersion"] = configVersion;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json.ToJsonString(Web));
    }
}
