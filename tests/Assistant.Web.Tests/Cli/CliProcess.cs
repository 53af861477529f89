using System.Diagnostics;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary>Runs the real <c>assistant</c> CLI as a process, in a working folder of the test's choosing.</summary>
internal static class CliProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables set for the process on top of this one's (settings such as Assistant__Storage__Provider).</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        // The CLI is built beside this test project (a ProjectReference without its assembly), in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var cli = Path.Combine(AssistantWebFactory.RepositoryRoot, "src", "Assistant.Cli", "bin", configuration, "net10.0", "assistant.dll");
        Assert.True(File.Exists(cli), $"The CLI was not built at {cli}: run dotnet build Assistant.sln -c {configuration}.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(cli);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
