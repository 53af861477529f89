using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Web.Tests.Cli;

/// <summary><c>assistant eval export</c> through the real CLI process, against a data folder where a case was written in triage.</summary>
public sealed class EvalExportCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-cli-export-").FullName;

    [Fact]
    public async Task Export_writes_pending_triage_cases_for_review_once_and_marks_them_exported()
    {
        var cancel = TestContext.Current.CancellationToken;
        var data = Path.Combine(_root, "data");
        var database = new SqliteDatabase(Path.Combine(data, "assistant.db"));
        var feedback = await new SqliteFeedbackStore(database).SaveAsync("trace_1", "alice", new FeedbackSubmission("down", ["not-answered"]), cancel);
        var drafts = new SqliteGoldenCaseDraftStore(database);
        var triage = new FeedbackTriage(new SqliteTriageStore(database), drafts, new SqliteAuditLog(database));
        var sam = new Actor("sam", ActorRole.Agent);
        await triage.TriageAsync(feedback.Id, new TriageUpdate("triaged", "missing-content"), sam, cancel);
        await triage.AddToGoldenSetAsync(feedback.Id, new GoldenCaseRequest("Can I pay in bitcoin?", ExpectDecline: true), sam, cancel);
        SqliteConnection.ClearAllPools();
        var output = Path.Combine(_root, "golden");

        var first = await CliProcess.RunAsync(_root, "eval", "export", "--data", data, "--to", output);
        var second = await CliProcess.RunAsync(_root, "eval", "export", "--data", data, "--to", output);

        Assert.True(first.ExitCode == 0, $"{first.Output}\n{first.Error}");
        var file = Assert.Single(Directory.GetFiles(output, "pending-*.jsonl"));
        var exported = Assert.Single(GoldenCase.Load(file));
        Assert.Equal(($"fb-{feedback.Id}", true), (exported.Id, exported.ShouldDecline));
        Assert.Contains($"\"source_feedback\":\"{feedback.Id}\"", File.ReadAllText(file));
        Assert.Contains("No pending golden cases", second.Output);
        Assert.Single(await drafts.ListAsync(GoldenCaseDraft.Exported, cancel));
    }

    [Fact]
    [Trait("Requires", "PostgreSQL")]
    public async Task On_PostgreSQL_export_reads_and_marks_the_cases_in_the_shared_database_not_a_data_folder()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var shared = await TestPostgres.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(shared.ConnectionString);
        var drafts = new PostgresGoldenCaseDraftStore(database);
        await drafts.SaveAsync("feedback_1", new GoldenCaseRequest("Can I pay in bitcoin?", ExpectDecline: true), "sam", cancel);
        var output = Path.Combine(_root, "golden");
        var postgres = new Dictionary<string, string?>
        {
            ["Assistant__Storage__Provider"] = nameof(StorageProvider.PostgreSQL),
            ["Assistant__Storage__ConnectionString"] = shared.ConnectionString,
        };

        var exported = await CliProcess.RunAsync(_root, postgres, "eval", "export", "--data", Path.Combine(_root, "data"), "--to", output);

        Assert.True(exported.ExitCode == 0, $"{exported.Output}\n{exported.Error}");
        Assert.Equal("fb-feedback_1", Assert.Single(GoldenCase.Load(Assert.Single(Directory.GetFiles(output, "pending-*.jsonl")))).Id);
        Assert.Single(await drafts.ListAsync(GoldenCaseDraft.Exported, cancel));
        Assert.False(File.Exists(Path.Combine(_root, "data", "assistant.db")));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        AssistantWebFactory.DeleteTempDirectory(_root);
    }
}
