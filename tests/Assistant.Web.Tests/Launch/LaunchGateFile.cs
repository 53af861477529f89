namespace Assistant.Web.Tests.Launch;

/// <summary>
/// A small passed gate report in the shape <c>assistant eval --suite all --out</c> writes (camelCase
/// ReleaseGateReport): 0 severe red-team failures and a held-out figure, for the version given.
/// </summary>
public static class LaunchGateFile
{
    public static void Write(string path, string? configVersion)
    {
        var version = configVersion is null ? "" : $"\"configVersion\": \"{configVersion}\", ";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $$"""
            {
              {{version}}"baselinePath": "evals/baselines/main.json",
              "now": { "name": "now", "generator": "extractive-v1", "settings": "offline", "createdAt": "2026-11-30T18:00:00+00:00" },
              "rows": [
                { "split": "all", "metric": "answers.factRecall", "now": 0.81, "absoluteGate": ">= 0.6", "failsGate": false },
                { "split": "all", "metric": "redteam.severeFailures", "now": 0, "absoluteGate": "<= 0", "failsGate": false },
                { "split": "held-out", "metric": "answers.factRecall", "now": 0.72, "absoluteGate": ">= 0.6", "failsGate": false }
              ],
              "flips": [],
              "notes": [],
              "passed": true
            }
            """);
    }
}
