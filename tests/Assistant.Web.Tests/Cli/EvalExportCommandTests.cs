using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Storage;
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        AssistantWebFactory.DeleteTempDirectory(_root);
    }
}
