extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class TimelineTests
{
    [Fact]
    public void Answers_and_failures_are_counted_in_the_second_they_ended()
    {
        RequestRecord[] records =
        [
            new(RequestRecord.Answer, 0.1, 0.4, 200, true),
            new(RequestRecord.Answer, 0.5, 1.2, 200, true),
            new("search", 1.0, 1.1, 200, true), // neither an answer nor a failure
            new(RequestRecord.Answer, 1.5, 2.5, 502, false),
            new("approve", 2.0, 3.4, 0, false), // ended after the users stopped at 3 s: its own last second
        ];

        var timeline = Timeline.Of(records, endSeconds: 3);

        Assert.Equal([1, 1, 0, 0], timeline.Answers);
        Assert.Equal([0, 0, 1, 1], timeline.Errors);
    }
}
