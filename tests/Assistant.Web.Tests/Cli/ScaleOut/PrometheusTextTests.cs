extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Gateway_attempts_are_summed_per_destination_across_outcomes()
    {
        const string metrics = """
            # TYPE assistant_gateway_attempts_total counter
            # HELP assistant_gateway_attempts_total Requests sent to a replica, by replica and forwarding error (None when it answered).
            assistant_gateway_attempts_total{otel_scope_name="Assistant.Gateway",destination="replica1",error="None"} 120 1733100000000
            assistant_gateway_attempts_total{otel_scope_name="Assistant.Gateway",destination="replica3",error="None"} 40
            assistant_gateway_attempts_total{otel_scope_name="Assistant.Gateway",destination="replica3",error="Request"} 7
            assistant_gateway_attempts_total_other{destination="replica1"} 99
            assistant_gateway_retries_total{destination="replica3"} 2
            """;

        var attempts = PrometheusText.SumBy(metrics, RoutingWatch.AttemptsMetric, "destination");

        Assert.Equal(2, attempts.Count);
        Assert.Equal(120, attempts["replica1"]);
        Assert.Equal(47, attempts["replica3"]);
    }
}
