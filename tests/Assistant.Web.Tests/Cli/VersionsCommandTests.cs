using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary><c>assistant versions</c> as a process: lists the configured version, shows its settings, and exits 2 for an unknown id.</summary>
public sealed class VersionsCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-versions-").FullName;

    [Fact]
    public async Task Versions_lists_and_shows_the_configured_version_and_an_unknown_id_is_exit_code_2()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), JsonSerializer.Serialize(new { Assistant = new { Answers = new { Passages = 7 } } }));

        var list = await CliProcess.RunAsync(_root, "versions", "list");
        var id = System.Text.RegularExpressions.Regex.Match(list.Output, "config-[0-9a-f]{8}").Value;
        var show = await CliProcess.RunAsync(_root, "versions", "show", id);
        var diff = await CliProcess.RunAsync(_root, "versions", "diff", id, "v9-nowhere");

        Assert.True(list.ExitCode == 0, list.Error + list.Output);
        Assert.NotEmpty(id);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"passages\": 7", show.Output, StringComparison.Ordinal);
        Assert.Equal(2, diff.ExitCode);
        Assert.Contains("no assistant version 'v9-nowhere'", diff.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
