using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Assistant.Web.Tests.Cli;

public sealed class UnreachableDatabaseCommandTests
{
    [Fact]
    public async Task A_command_on_an_unreachable_postgresql_says_what_it_tried_and_exits_1_without_a_stack_trace()
    {
        var root = Directory.CreateTempSubdirectory("assistant-cli-unreachable-").FullName;
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["Assistant__Storage__Provider"] = "PostgreSQL",
                ["Assistant__Storage__StartupWaitSeconds"] = "1",
                ["Assistant__Storage__ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Database=assistant;Username=someone;Password=secret-password",
            };

            var (exitCode, _, error) = await CliProcess.RunAsync(root, environment, "search", "refund");

            Assert.Equal(1, exitCode);
            Assert.Contains("could not be reached", error);
            Assert.Contains("database 'assistant' as user 'someone'", error);
            Assert.Contains("Assistant:Storage:ConnectionString", error);
            Assert.DoesNotContain("secret-password", error);
            Assert.DoesNotContain("   at ", error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A port nothing listens on: bound, read and released, so a connection to it is refused.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
