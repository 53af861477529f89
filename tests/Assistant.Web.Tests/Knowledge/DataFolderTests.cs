using Xunit;

namespace Assistant.Web.Tests.Knowledge;

/// <summary>
/// An unwritable data folder stops the web host and `assistant ingest` with one message that names the folder and the
/// setting that chose it. The tests run as root, where permission bits do not stop writes, so the folder is made
/// unwritable by a regular file where a folder is needed.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-data-folder-").FullName;

    private string Blocked()
    {
        var blocker = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(blocker, "a file where a folder is needed");
        return Path.Combine(blocker, "data");
    }

    [Fact]
    public async Task The_web_host_refuses_to_start_naming_the_data_folder_and_its_setting()
    {
        var data = Blocked();
        await using var factory = new AssistantWebFactory(dataDirectory: data);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = string.Join(" | ", Messages(error));
        Assert.Contains($"'{data}'", messages);
        Assert.Contains("Assistant:DataDirectory", messages);
    }

    [Fact]
    public async Task Assistant_ingest_fails_with_one_line_naming_the_data_folder_and_its_setting()
    {
        var data = Blocked();
        var knowledge = Directory.CreateDirectory(Path.Combine(_root, "knowledge")).FullName;

        var (exitCode, output, error) = await RunCliAsync("ingest", "--data", data, "--knowledge", knowledge);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: The data folder '{data}' (setting Assistant:DataDirectory) cannot be written", error);
        Assert.DoesNotContain("   at ", error + output); // no stack trace
    }

    private static IEnumerable<string> Messages(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunCliAsync(params string[] arguments) =>
        Cli.CliProcess.RunAsync(_root, arguments);

    public void Dispose() => AssistantWebFactory.DeleteTempDirectory(_root);
}
