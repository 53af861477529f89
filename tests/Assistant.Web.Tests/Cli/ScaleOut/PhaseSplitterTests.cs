extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class PhaseSplitterTests
{
    private static RequestRecord Answer(double start, double end, int status = 200) => new(RequestRecord.Answer, start, end, status, status == 200);

    [Fact]
    public void Requests_count_in_the_phase_in_which_they_ended()
    {
        RequestRecord[] records =
        [
            Answer(1.0, 1.5), Answer(9.5, 10.5), // before the kill at 10 s; the second ends during
            Answer(10.2, 11.0, 502), Answer(11.0, 12.5), // during (kill at 10 s, settled at 13 s)
            Answer(12.9, 13.0), Answer(19.0, 21.0), // after; the last ends after the users stopped at 20 s
        ];

        var phases = PhaseSplitter.Split(records, 20, killedAt: 10, settledAt: 13);

        Assert.Equal(["before", "during", "after"], phases.Select(p => p.Name));
        Assert.Equal([1, 3, 2], phases.Select(p => p.Requests));
        Assert.Equal([1, 2, 2], phases.Select(p => p.Answers));
        Assert.Equal([0, 1, 0], phases.Select(p => p.Errors));
        Assert.Equal(1, phases[1].ErrorsByKind["answer 502"]);
        Assert.Equal([10.0, 3.0, 7.0], phases.Select(p => p.Seconds));
        Assert.Equal(Math.Round(2 / 7.0, 1), phases[2].AnswersPerSecond);
    }

    [Fact]
    public void A_run_without_a_kill_is_one_steady_phase()
    {
        var phases = PhaseSplitter.Split([Answer(0, 1), Answer(1, 2)], 10, killedAt: null, settledAt: null);

        var steady = Assert.Single(phases);
        Assert.Equal("steady", steady.Name);
        Assert.Equal(2, steady.Answers);
        Assert.Equal(0.2, steady.AnswersPerSecond);
    }

    [Fact]
    public void Percentiles_are_of_answered_messages_only()
    {
        // 100 answers of 1..100 ms, plus a failed answer and a slow search that must not move the answer percentiles.
        var records = Enumerable.Range(1, 100).Select(ms => Answer(0, ms / 1000.0)).ToList();
        records.Add(Answer(0, 0.5, 502));
        records.Add(new RequestRecord("search", 0, 0.9, 200, true));

        var stats = PhaseSplitter.Stats("total", records, 0, 10, last: true);

        Assert.Equal(100, stats.Answers);
        Assert.Equal(50, stats.AnswerLatencyMs.P50, 3);
        Assert.Equal(95, stats.AnswerLatencyMs.P95, 3);
        Assert.Equal(99, stats.AnswerLatencyMs.P99, 3);
        Assert.True(stats.RequestLatencyMs.Mean > stats.AnswerLatencyMs.Mean, "the slow search counts among the requests");
        Assert.Equal(102, stats.Requests);
        Assert.Equal(1, stats.Errors);
    }

    [Fact]
    public void A_kill_that_never_settled_makes_the_rest_of_the_run_its_during_phase()
    {
        var phases = PhaseSplitter.Split([Answer(0, 1), Answer(5, 6), Answer(8, 9)], 10, killedAt: 4, settledAt: null);

        Assert.Equal([1, 2, 0], phases.Select(p => p.Requests));
        Assert.Equal(0, phases[2].Seconds);
    }
}
