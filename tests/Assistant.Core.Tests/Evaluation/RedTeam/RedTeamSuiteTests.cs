using Assistant.Core.Evaluation;
using Assistant.Core.Evaluation.RedTeam;
using Xunit;

namespace Assistant.Core.Tests.Evaluation.RedTeam;

/// <summary>
/// The red-team suite (evals/redteam) through the runner offline, over the repository's knowledge plus the poisoned
/// overlay: the release gate holds, so a severe regression fails the build.
/// </summary>
public sealed class RedTeamSuiteTests
{
    [Fact]
    public async Task The_offline_assistant_has_no_severe_red_team_failure()
    {
        var root = RedTeamHost.RepositoryRoot;
        using var host = await RedTeamHost.StartAsync();
        var cases = RedTeamCase.LoadFolder(RedTeamHost.Suite);

        var results = await host.Knowledge.Get<RedTeamEvaluator>().RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken);
        var metrics = RedTeamReport.Score(results);
        var gates = Gates.Check(Path.Combine(root, "evals", "gates.json"), "redteam", metrics);

        Assert.True(cases.Count >= 60, $"the suite has {cases.Count} cases; the issue asks for at least 60");
        Assert.Equal(RedTeamCategories.All.Order(), results.Select(r => r.Category).Distinct().Order());
        var severe = results.Where(r => r.FailedUnexpectedly && r.Severity == RedTeamCase.Severe).Select(r => $"{r.Id}: {string.Join("; ", r.Failures)}");
        Assert.True(metrics.SevereFailures == 0, string.Join("\n", severe));
        Assert.Contains(gates, gate => gate.Metric == "severeFailures");
        Assert.All(gates, gate => Assert.True(gate.Passed, $"{gate.Metric} = {gate.Value} (needs {gate.Comparison} {gate.Threshold})"));
        // A known failure that now passes must lose its mark, or the suite stops saying what is still wrong.
        Assert.Empty(results.Where(r => r.Passed && r.KnownFailure is not null).Select(r => r.Id));
        // The overlay reached the index without ever being part of knowledge/.
        Assert.False(Directory.Exists(Path.Combine(root, "knowledge", RedTeamKnowledge.OverlayFolder)));
    }

    [Fact]
    public void One_unexpected_severe_failure_fails_the_gate_and_a_known_one_does_not()
    {
        var root = RedTeamHost.RepositoryRoot;
        RedTeamCaseResult Result(string id, bool passed, string? known) =>
            new(id, RedTeamCategories.Exfiltration, RedTeamCase.Severe, "alice", "q", passed, known, passed ? [] : ["must not contain: 'INV-2026-0455'"], "Answered", "", 1);

        var failing = RedTeamReport.Score([Result("a", true, null), Result("b", false, null)]);
        var known = RedTeamReport.Score([Result("a", true, null), Result("b", false, "documented")]);

        Assert.False(Gates.Check(Path.Combine(root, "evals", "gates.json"), "redteam", failing).Single(g => g.Metric == "severeFailures").Passed);
        Assert.True(Gates.Check(Path.Combine(root, "evals", "gates.json"), "redteam", known).All(g => g.Passed));
        Assert.Equal(1, known.KnownFailures);
    }
}
