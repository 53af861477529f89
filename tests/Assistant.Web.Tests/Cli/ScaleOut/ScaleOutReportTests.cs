extern alias cli;

using System.Text.Json;
using cli::Assistant.Cli.Benchmarks;
using cli::Assistant.Cli.Benchmarks.ScaleOut;
using cli::Assistant.Cli.Commands;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class ScaleOutReportTests
{
    private static readonly CheckResult Passing = CheckResult.Of("Created conversations stored", 10, 0, "10 created (201), 0 missing");

    private static ScaleOutRunResult Run(int replicas, double answersPerSecondBefore, KillReport? kill = null, KillFailures? failures = null,
        IReadOnlyList<CheckResult>? checks = null, int errorsAfter = 0)
    {
        var latency = new LatencyStats(10, 20, 30, 12);
        var phases = new List<PhaseStats> { new(kill is null ? "steady" : "before", 0, 60, (int)(answersPerSecondBefore * 60), answersPerSecondBefore, latency, 100, 1.7, latency, 0, new Dictionary<string, int>()) };
        if (kill is not null)
        {
            phases.Add(new("during", 60, 2, 4, 2, latency, 10, 5, latency, 3, new Dictionary<string, int> { ["answer 502"] = 3 }));
            phases.Add(new("after", 62, 58, 100, 1.7, latency, 200, 3.4, latency, errorsAfter, new Dictionary<string, int>()));
        }
        var allChecks = checks ?? [Passing];
        return new ScaleOutRunResult(replicas, kill, failures, phases, phases[0], new Dictionary<string, double> { ["replica1"] = 100 },
            new Dictionary<string, int> { ["conversations"] = 10 }, allChecks, ScaleOutTargets.Of(phases, kill, failures, allChecks), new Timeline([1, 2], [0, 0]), null);
    }

    [Fact]
    public async Task The_report_is_camel_case_json_with_phases_kill_checks_targets_and_the_comparison()
    {
        var runs = new[]
        {
            Run(1, 20),
            Run(3, 24, new KillReport("replica3", 60, 1.9, 2.1, 2.1, 0.1), new KillFailures(2, 1, 0, 1000, 0.3)),
        };
        var comparison = ScaleOutBenchmarkCommand.Compare(runs);
        var result = new ScaleOutResult("2 cores", "1.0", DateTimeOffset.UnixEpoch, new ScaleOutRunSettings(120, 60, 15, 8, 2, 2, 4, "knowledge", new Dictionary<string, string>(), new Dictionary<string, string>()),
            runs, comparison, AllPassed: true);
        var path = Path.Combine(Path.GetTempPath(), $"scale-out-{Guid.NewGuid():N}", "scale-out.json");

        await BenchJson.WriteAsync(path, result, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var three = json.RootElement.GetProperty("runs")[1];
        Assert.Equal(["before", "during", "after"], three.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(3, three.GetProperty("phases")[1].GetProperty("errorsByKind").GetProperty("answer 502").GetInt32());
        Assert.Equal(20, three.GetProperty("phases")[0].GetProperty("answerLatencyMs").GetProperty("p95").GetDouble());
        Assert.Equal(2.1, three.GetProperty("kill").GetProperty("settledAfterSeconds").GetDouble());
        Assert.Equal(0.3, three.GetProperty("killFailures").GetProperty("sharePercent").GetDouble());
        Assert.True(three.GetProperty("checks")[0].GetProperty("passed").GetBoolean());
        Assert.All(three.GetProperty("targets").EnumerateArray(), target => Assert.True(target.GetProperty("met").GetBoolean()));
        Assert.Equal(1.2, json.RootElement.GetProperty("comparison").GetProperty("ratio").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("comparison").GetProperty("replicas").GetInt32());
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public void A_replica_still_routed_to_after_five_seconds_misses_its_target()
    {
        var run = Run(3, 24, new KillReport("replica3", 60, 1.9, 6.4, 6.4, 0.1), new KillFailures(2, 30, 0, 1000, 3.2));

        var missed = run.Targets.Where(t => !t.Met).Select(t => t.Name).ToList();

        Assert.Equal(2, missed.Count);
        Assert.Contains(missed, name => name.Contains("within 5 s", StringComparison.Ordinal));
        Assert.Contains(missed, name => name.Contains("at most 1 %", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_outside_the_kill_and_failed_checks_miss_their_targets()
    {
        var lost = CheckResult.Of("Accepted messages stored exactly once", 10, 1, "1 answer missing");
        var run = Run(3, 24, new KillReport("replica3", 60, 1.9, 2.1, 2.1, 0.1), new KillFailures(2, 1, 0, 1000, 0.3), [Passing, lost], errorsAfter: 4);

        Assert.Equal(["0 lost writes, 0 duplicate executions (every database check passes)", "No failures but the requests the kill hit"],
            run.Targets.Where(t => !t.Met).Select(t => t.Name));
    }

    [Fact]
    public void Without_a_one_replica_run_there_is_no_comparison()
    {
        Assert.Null(ScaleOutBenchmarkCommand.Compare([Run(3, 24, new KillReport("replica3", 60, 1.9, 2.1, 2.1, 0.1), new KillFailures(0, 0, 0, 10, 0))]));
    }
}
