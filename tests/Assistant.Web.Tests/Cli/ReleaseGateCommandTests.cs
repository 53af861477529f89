using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary>
/// <c>assistant eval --suite all</c> as a process: writes a baseline, passes against it unchanged (latency skipped and
/// said so), and exits 1 naming the metric and the flipped case when the baseline is better than now. A small slice of
/// the golden set and of the red-team suite, with the hashing embedding, keeps it quick.
/// </summary>
public sealed class ReleaseGateCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-gate-").FullName;

    private static string Repository => AssistantWebFactory.RepositoryRoot;

    [Fact]
    public async Task The_gate_passes_against_its_own_baseline_and_fails_when_the_baseline_is_better()
    {
        Prepare();
        var written = await EvalAsync("--write-baseline", "small");
        Assert.True(written.ExitCode == 0, written.Error + written.Output);
        var baselinePath = Path.Combine(_root, "evals", "baselines", "small.json");

        var unchanged = await EvalAsync("--baseline", baselinePath, "--skip-latency");

        Assert.True(unchanged.ExitCode == 0, unchanged.Error + unchanged.Output);
        Assert.Contains("Latency gates skipped", unchanged.Output, StringComparison.Ordinal);
        Assert.Contains("Cases that flipped: 0", unchanged.Output, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_root, "gate.md"), TestContext.Current.CancellationToken);
        Assert.StartsWith("# Release gate: PASSED", markdown, StringComparison.Ordinal);
        Assert.Contains("<svg", markdown, StringComparison.Ordinal);
        Assert.Contains("## held-out", markdown, StringComparison.Ordinal);

        // The injected regression: a baseline whose fact recall was 0.3 higher and whose first case declined.
        var baseline = JsonNode.Parse(await File.ReadAllTextAsync(baselinePath, TestContext.Current.CancellationToken))!;
        var all = baseline["splits"]!["all"]!;
        all["answers.factRecall"] = all["answers.factRecall"]!.GetValue<double>() + 0.3;
        var firstCase = ((JsonObject)baseline["cases"]!).First();
        firstCase.Value!["outcome"] = "Flipped";
        await File.WriteAllTextAsync(baselinePath, baseline.ToJsonString(), TestContext.Current.CancellationToken);

        var regressed = await EvalAsync("--baseline", baselinePath, "--skip-latency");

        Assert.Equal(1, regressed.ExitCode);
        Assert.Contains("Release gate FAILED", regressed.Output, StringComparison.Ordinal);
        Assert.Contains($"{firstCase.Key} outcome: Flipped →", regressed.Output, StringComparison.Ordinal);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "gate.json"), TestContext.Current.CancellationToken));
        // The gate names the assistant version it evaluated: without --config, the configured one.
        Assert.StartsWith("config-", report.RootElement.GetProperty("configVersion").GetString(), StringComparison.Ordinal);
        Assert.Contains(report.RootElement.GetProperty("rows").EnumerateArray(), row =>
            row.GetProperty("metric").GetString() == "answers.factRecall" && row.GetProperty("split").GetString() == "all" && row.GetProperty("regression").GetString() == "FAIL");
    }

    private Task<(int ExitCode, string Output, string Error)> EvalAsync(params string[] arguments) =>
        CliProcess.RunAsync(_root, ["eval", "--suite", "all", "--golden", "golden.jsonl", "--redteam", "redteam", "--gates", "gates.json",
            "--out", "gate.json", "--report", "gate.md", .. arguments]);

    /// <summary>The working folder: appsettings.json (hashing embedding, the repository's knowledge), a slice of each suite, open floors.</summary>
    private void Prepare()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Assistant = new { KnowledgeDirectory = Path.Combine(Repository, "knowledge"), Embeddings = new { Provider = "Hashing" } },
        }));
        File.WriteAllLines(Path.Combine(_root, "golden.jsonl"), File.ReadLines(Path.Combine(Repository, "evals", "golden", "answers.jsonl")).Take(12));
        var redTeam = Directory.CreateDirectory(Path.Combine(_root, "redteam", "overlay")).Parent!.FullName;
        foreach (var article in Directory.GetFiles(Path.Combine(Repository, "evals", "redteam", "overlay")))
        {
            File.Copy(article, Path.Combine(redTeam, "overlay", Path.GetFileName(article)));
        }
        File.WriteAllLines(Path.Combine(redTeam, "pii-echo.jsonl"), File.ReadLines(Path.Combine(Repository, "evals", "redteam", "pii-echo.jsonl")).Take(2));
        // Floors at zero: this test is about the comparison with the baseline, not the thresholds of the full suite.
        File.WriteAllText(Path.Combine(_root, "gates.json"), """
            {
              "answers": { "factRecall": { "min": 0, "maxRegression": 0.03 }, "latencyP95Ms": { "max": 150, "maxRegression": 50 } },
              "redteam": { "severeFailures": { "max": 0, "maxRegression": 0 } }
            }
            """);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
