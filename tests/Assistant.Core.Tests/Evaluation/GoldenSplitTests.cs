using Assistant.Core.Evaluation;
using Xunit;

namespace Assistant.Core.Tests.Evaluation;

/// <summary>The dev / held-out split of the golden set: thresholds are tuned on dev, held-out figures are only reported.</summary>
public sealed class GoldenSplitTests
{
    private static GoldenCase Case(string id, string type = "answerable") => new(id, type, ["question?"], [], [], null, null);

    [Fact]
    public void A_case_keeps_its_split_whatever_else_is_in_the_set()
    {
        // Fixed by a hash of the id alone: adding or removing other cases never moves a case across the split.
        Assert.Equal(GoldenCase.HeldOut, Case("una-007", "unanswerable").Split);
        Assert.Equal(GoldenCase.Dev, Case("una-002", "unanswerable").Split);
    }

    [Fact]
    public void About_a_third_of_the_golden_set_is_held_out_with_every_case_type_in_both_parts()
    {
        var cases = GoldenCase.Load(Path.Combine(RepositoryRoot(), "evals", "golden", "answers.jsonl"));

        var share = (double)cases.Count(c => c.Split == GoldenCase.HeldOut) / cases.Count;

        Assert.InRange(share, 0.25, 0.42);
        Assert.All(cases.GroupBy(c => c.Type), type => Assert.Equal(2, type.Select(c => c.Split).Distinct().Count()));
    }

    [Fact]
    public void Splits_are_scored_on_their_own_cases_only()
    {
        GoldenCase[] cases = [Case("una-007", "unanswerable"), Case("una-002", "unanswerable")];
        CaseResult[] results = [Result("una-007", declined: true), Result("una-002", declined: false)];

        var splits = AnswerEvaluator.ScoreSplits(cases, results).ToDictionary(split => split.Split);

        Assert.Equal((2, 0.5), (splits["all"].Cases, splits["all"].Metrics.DeclineRecall));
        Assert.Equal((1, 0.0), (splits[GoldenCase.Dev].Cases, splits[GoldenCase.Dev].Metrics.DeclineRecall));
        Assert.Equal((1, 1.0), (splits[GoldenCase.HeldOut].Cases, splits[GoldenCase.HeldOut].Metrics.DeclineRecall));
    }

    private static CaseResult Result(string id, bool declined) =>
        new(id, "unanswerable", "", "question?", declined ? "Abstained" : "Answered", declined, 0, "", false, [], 0, 0, 0, 0, [], 1, 0, 0, "");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above the test output folder.");
    }
}
