extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class KillFailuresTests
{
    [Fact]
    public void Only_gateway_and_transport_failures_around_the_kill_count_against_it()
    {
        // Killed at 10 s, routing settled at 12 s.
        var records = new List<RequestRecord>
        {
            new("answer", 9.0, 10.1, 502, false), // in flight on the killed replica
            new("confirm", 9.5, 10.3, 0, false), // in flight, connection reset
            new("propose", 10.5, 10.6, 502, false), // sent to the dead replica before it was taken out
            new("search", 11.0, 11.1, 401, false), // not a transport failure: another error during the kill
            new("answer", 5.0, 5.1, 502, false), // long before the kill: not the kill's
            new("answer", 12.5, 12.6, 502, false), // after routing settled: not the kill's
        };
        records.AddRange(Enumerable.Range(0, 194).Select(i => new RequestRecord("answer", i * 0.1, i * 0.1 + 0.05, 200, true)));

        var failures = KillFailures.Of(records, killedAt: 10, settledAt: 12);

        Assert.Equal(2, failures.InFlight);
        Assert.Equal(1, failures.RoutedToDeadReplica);
        Assert.Equal(1, failures.OtherErrorsDuringKill);
        Assert.Equal(200, failures.RunRequests);
        Assert.Equal(1.5, failures.SharePercent);
    }

    [Fact]
    public void A_conflict_an_agent_expects_is_no_failure()
    {
        var conflict = new RequestRecord("approve", 10.1, 10.2, 409, Ok: true);

        Assert.False(conflict.IsTransportFailure);
        Assert.Equal(0, KillFailures.Of([conflict], killedAt: 10, settledAt: 12).OtherErrorsDuringKill);
    }
}
