using Assistant.Core.Evaluation;
using Assistant.Core.Evaluation.Release;
using Assistant.Core.Tests.Architecture;
using Assistant.Core.Tests.Support;
using Xunit;

namespace Assistant.Core.Tests.Evaluation.Release;

/// <summary>
/// The release gate over real golden-set runs: a run compared with its own baseline passes with nothing flipped; a
/// run with a deliberately worse setting (a minimum coverage so high that answerable questions are declined) fails
/// it and names the cases that flipped.
/// </summary>
public sealed class ReleaseGateTests
{
    private const string Latency = "test machine";

    [Fact]
    public async Task The_gate_passes_when_nothing_changed_and_fails_on_an_injected_regression()
    {
        // The absolute floors of gates.json are set for the default Local embedding (.ci/test.sh gates it); this suite
        // embeds with hashing, so it opens the floors and puts the comparison with the baseline under test.
        var rules = GateRule.Load(Path.Combine(CoreSource.RepositoryRoot, "evals", "gates.json"))
            .Select(rule => rule with { Threshold = rule.HigherIsBetter ? 0 : double.MaxValue }).ToList();
        var baseline = await RunAsync(new());

        var unchanged = ReleaseGateReport.Create("baseline.json", baseline, await RunAsync(new()), rules, Latency, []);
        var worse = ReleaseGateReport.Create("baseline.json", baseline,
            await RunAsync(new() { ["Assistant:Answers:MinimumCoverage"] = "0.9" }), rules, Latency, []);

        Assert.True(unchanged.Passed, string.Join("\n", unchanged.Rows.Where(r => r.FailsGate).Select(r => $"{r.Metric}: {r.Baseline} → {r.Now}")));
        Assert.Empty(unchanged.Flips);
        Assert.False(worse.Passed);
        Assert.Contains(worse.Rows, r => r.Split == ReleaseSnapshot.All && r.Metric == "answers.declinePrecision" && r.Regression == MetricComparison.Fail);
        Assert.Contains(worse.Flips, f => f.Signal == "outcome" && f.Before == "Answered" && f.After != "Answered");
        Assert.All(worse.Rows.Where(r => r.Metric.Contains("latency", StringComparison.Ordinal)), r => Assert.Equal("skipped", r.Result));
        Assert.Contains(worse.Rows, r => r.Split == GoldenCase.HeldOut);
        Assert.Contains(worse.Rows, r => r.Split == GoldenCase.Dev);
    }

    [Fact]
    public async Task A_baseline_survives_being_written_and_read_back_with_its_case_signals()
    {
        var run = await RunAsync(new());
        var path = Path.Combine(Directory.CreateTempSubdirectory("assistant-baseline-").FullName, "main.json");

        run.Save(path);
        var read = ReleaseSnapshot.Load(path);

        Assert.Equal(run.Cases.Count, read.Cases.Count);
        Assert.Equal(run.Value(ReleaseSnapshot.All, "answers.citationPrecision"), read.Value(ReleaseSnapshot.All, "answers.citationPrecision"));
        Assert.Empty(BaselineComparer.Flips(run, read));
    }

    private static async Task<ReleaseSnapshot> RunAsync(Dictionary<string, string?> settings)
    {
        settings["Assistant:KnowledgeDirectory"] = Path.Combine(CoreSource.RepositoryRoot, "knowledge");
        using var knowledge = new TestKnowledgeBase(settings: settings);
        await knowledge.IngestAsync();
        var cases = GoldenCase.Load(Path.Combine(CoreSource.RepositoryRoot, "evals", "golden", "answers.jsonl"));
        var (_, results) = await knowledge.Get<AnswerEvaluator>().RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken);
        return SnapshotBuilder.From("test", "extractive-v1", "embeddings Hashing", cases, results, redTeam: null);
    }
}
