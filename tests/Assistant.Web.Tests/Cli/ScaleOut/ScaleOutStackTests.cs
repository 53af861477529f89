extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

public sealed class ScaleOutStackTests
{
    private static readonly ScaleOutSettings Settings = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), TimeSpan.Zero, 1, 1, 1, 4, "knowledge",
        new Dictionary<string, string> { ["Assistant:Embeddings:Provider"] = "Hashing", ["Assistant:Actions:TicketsPerDay"] = "7" },
        new Dictionary<string, string> { ["Gateway:PassiveHealth:DefaultFailureRateLimit"] = "0.1" }, TimeSpan.FromMinutes(1));

    [Fact]
    public void Every_replica_gets_its_own_data_folder_and_the_shared_database()
    {
        var first = ScaleOutStack.ReplicaArguments(0, "Host=127.0.0.1;Port=5432", Settings, "/tmp/run").ToList();
        var second = ScaleOutStack.ReplicaArguments(1, "Host=127.0.0.1;Port=5432", Settings, "/tmp/run").ToList();

        Assert.Contains("--Assistant:DataDirectory=/tmp/run/replica1", first);
        Assert.Contains("--Assistant:DataDirectory=/tmp/run/replica2", second);
        Assert.All(new[] { first, second }, arguments =>
        {
            Assert.Contains("--Assistant:Storage:Provider=PostgreSQL", arguments);
            Assert.Contains("--Assistant:Storage:ConnectionString=Host=127.0.0.1;Port=5432", arguments);
            Assert.Contains("--Assistant:Model:Model=", arguments);
            Assert.Contains("--Assistant:Embeddings:Provider=Hashing", arguments);
        });
        // --set wins over the run's own defaults.
        Assert.Contains("--Assistant:Actions:TicketsPerDay=7", first);
        Assert.DoesNotContain("--Assistant:Actions:TicketsPerDay=1000", first);
    }

    [Fact]
    public void The_gateway_routes_to_the_replicas_and_points_its_spare_destinations_at_the_first()
    {
        var one = ScaleOutStack.GatewayArguments([new Uri("http://127.0.0.1:4001/")], Settings.GatewaySettings).ToList();
        var four = ScaleOutStack.GatewayArguments([.. Enumerable.Range(1, 4).Select(i => new Uri($"http://127.0.0.1:400{i}/"))], new Dictionary<string, string>()).ToList();

        Assert.Equal(
        [
            "--ReverseProxy:Clusters:assistant:Destinations:replica1:Address=http://127.0.0.1:4001/",
            "--ReverseProxy:Clusters:assistant:Destinations:replica2:Address=http://127.0.0.1:4001/",
            "--ReverseProxy:Clusters:assistant:Destinations:replica3:Address=http://127.0.0.1:4001/",
        ], one.Where(a => a.StartsWith("--ReverseProxy", StringComparison.Ordinal)));
        Assert.Contains("--ReverseProxy:Clusters:assistant:Destinations:replica4:Address=http://127.0.0.1:4004/", four);
        Assert.Equal(4, four.Count(a => a.StartsWith("--ReverseProxy", StringComparison.Ordinal)));
        Assert.Contains("--Gateway:RateLimits:PermitLimit=1000000", one);
        Assert.Equal("--Gateway:PassiveHealth:DefaultFailureRateLimit=0.1", one[^1]);
    }
}
