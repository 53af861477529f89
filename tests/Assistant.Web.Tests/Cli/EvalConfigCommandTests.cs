using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Models;
using Assistant.Core.Releases;
using Assistant.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary>
/// <c>assistant eval --config &lt;version&gt;</c> as a process: the run answers with that version (read from the app
/// database, a draft included) and the report names it; without it the report names the configured version; an
/// unknown id is exit code 2 with the ids there are.
/// </summary>
public sealed class EvalConfigCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-eval-config-").FullName;

    [Fact]
    public async Task Eval_answers_with_the_named_version_and_the_report_names_it()
    {
        Prepare();
        // A version that declines unless a passage holds all of the question: its coverage floor is 1.
        await CreateVersionAsync("v2-declines", settings => settings with { Answers = settings.Answers with { MinimumCoverage = 1.0 } });

        var configured = await EvalAsync("--out", "configured.json");
        var declining = await EvalAsync("--out", "declining.json", "--config", "v2-declines");

        Assert.True(configured.ExitCode == 0, configured.Error + configured.Output);
        Assert.True(declining.ExitCode == 0, declining.Error + declining.Output);
        Assert.Contains("v2-declines", declining.Output, StringComparison.Ordinal);
        var before = Report("configured.json");
        var after = Report("declining.json");
        Assert.StartsWith("config-", before.GetProperty("configVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("v2-declines", after.GetProperty("configVersion").GetString());
        static int Declined(JsonElement report) => report.GetProperty("results").EnumerateArray().Count(result => result.GetProperty("declined").GetBoolean());
        Assert.True(Declined(after) > Declined(before), $"declined {Declined(before)} with the configured version, {Declined(after)} with v2-declines");
    }

    [Fact]
    public async Task An_unknown_version_is_exit_code_2_naming_the_versions_there_are()
    {
        Prepare();

        var (exitCode, output, error) = await EvalAsync("--config", "v9-nowhere");

        Assert.Equal(2, exitCode);
        Assert.Contains("there is no assistant version 'v9-nowhere'", output + error, StringComparison.Ordinal);
        Assert.Contains("config-", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "report.json")));
    }

    private Task<(int ExitCode, string Output, string Error)> EvalAsync(params string[] arguments) =>
        CliProcess.RunAsync(_root, ["eval", "--golden", "golden.jsonl", "--gates", "gates.json", .. arguments.Contains("--out") ? arguments : ["--out", "report.json", .. arguments]]);

    private JsonElement Report(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, name))).RootElement;

    /// <summary>Creates a draft in the working folder's app database (data/assistant.db), as the admin API would.</summary>
    private async Task CreateVersionAsync(string id, Func<AssistantSettings, AssistantSettings> change)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Path.Combine(_root, "data") })
            .Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddAssistantStorage().AddAssistantModels().AddAssistantAudit().AddAssistantBackoffice().AddAssistantActions().AddAssistantReleases()
            .BuildServiceProvider();
        var store = services.GetRequiredService<IAssistantVersionStore>();
        var configured = await store.ConfiguredAsync(TestContext.Current.CancellationToken);
        await store.CreateDraftAsync(id, "For the test.", change(configured.Settings), configured.Id, "ada", TestContext.Current.CancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>The working folder: appsettings.json (hashing embedding, the repository's knowledge), six golden cases, open gates.</summary>
    private void Prepare()
    {
        var repository = AssistantWebFactory.RepositoryRoot;
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Assistant = new { KnowledgeDirectory = Path.Combine(repository, "knowledge"), Embeddings = new { Provider = "Hashing" } },
        }));
        File.WriteAllLines(Path.Combine(_root, "golden.jsonl"), File.ReadLines(Path.Combine(repository, "evals", "golden", "answers.jsonl")).Take(6));
        File.WriteAllText(Path.Combine(_root, "gates.json"), """{ "answers": {} }""");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
