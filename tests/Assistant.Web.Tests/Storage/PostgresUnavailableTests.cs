using System.Net;
using System.Net.Sockets;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Web.Tests.Answers;
using Npgsql;
using Xunit;

namespace Assistant.Web.Tests.Storage;

[Trait("Requires", "PostgreSQL")]
public sealed class PostgresUnavailableTests
{
    [Fact]
    public async Task A_host_whose_database_cannot_be_reached_stops_at_start_naming_the_server_and_the_setting_to_fix()
    {
        var closedPort = ClosedPort();
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        factory.Settings["Assistant:Storage:ConnectionString"] =
            $"Host=127.0.0.1;Port={closedPort};Database=assistant;Username=assistant;Password=not-for-logs;Timeout=2";
        factory.Settings["Assistant:Storage:StartupWaitSeconds"] = "1";

        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = Flatten(failure);
        Assert.Contains($"tried host '127.0.0.1', port {closedPort}, database 'assistant' as user 'assistant'", message);
        Assert.Contains("Fix Assistant:Storage:ConnectionString", message);
        Assert.DoesNotContain("not-for-logs", message);
    }

    [Fact]
    public async Task Requests_while_the_database_is_out_of_reach_answer_503_problem_details_with_retry_after()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        var server = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var relay = new TcpForwarder(server.Host!, server.Port);
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        factory.Settings["Assistant:Storage:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Port = relay.Port,
            Timeout = 2,
        }.ToString();
        using var client = await StorageTestHost.SignInAsync(factory, "alice");
        await client.CreateConversationAsync();

        await relay.CutAsync();
        using var response = await client.PostAsync("/api/conversations", null, AnswerApi.Cancel);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Database unavailable", problem.Title);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 should say when to retry.");
        await relay.DisposeAsync();
    }

    private static int ClosedPort()
    {
        // A port the system just handed out and nobody listens on any more.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string Flatten(Exception? error)
    {
        var messages = new List<string>();
        for (; error is not null; error = error.InnerException)
        {
            messages.Add(error.Message);
        }
        return string.Join(" | ", messages);
    }
}
