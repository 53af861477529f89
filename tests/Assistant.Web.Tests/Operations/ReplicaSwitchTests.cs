using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Assistant.Core.Tests.Support.Storage;
using Xunit;
using static Assistant.Web.Tests.Operations.OperationsApi;

namespace Assistant.Web.Tests.Operations;

/// <summary>Kill switches across replicas that share a PostgreSQL database: the switch is the database's row, not a replica's memory.</summary>
[Trait("Requires", "PostgreSQL")]
public sealed class ReplicaSwitchTests
{
    private const string Message = "Back at 21:00 UTC: we are upgrading the assistant.";

    [Fact]
    public async Task Maintenance_set_through_one_replica_is_in_force_on_another_within_the_refresh_interval()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var first = Replica(database);
        await using var second = Replica(database);
        using var ada = await first.CreateIngestedClientAsync("ada");
        // A token the first replica issued, used on the second (one key ring in the database).
        using var alice = second.CreateClient();
        alice.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await first.GetTokenAsync("alice"));
        Assert.NotEqual("maintenance", Text(await AskAsync(alice, "How do refunds work?"), "generator"));

        await SetAsync(ada, new { maintenance = true, maintenanceMessage = Message });
        var clock = Stopwatch.StartNew();
        JsonElement answer;
        do
        {
            answer = await AskAsync(alice, "How do refunds work?");
        }
        while (Text(answer, "generator") != "maintenance" && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(Message, Text(answer, "text"));
        // RefreshMilliseconds is 500: allow for the asks themselves on a busy machine, but not for a restart.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The other replica followed after {clock.Elapsed}.");
    }

    private static AssistantWebFactory Replica(TestPostgresDatabase database)
    {
        var replica = new AssistantWebFactory(ingestOnStartup: false);
        replica.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        replica.Settings["Assistant:Storage:ConnectionString"] = database.ConnectionString;
        return replica;
    }
}
