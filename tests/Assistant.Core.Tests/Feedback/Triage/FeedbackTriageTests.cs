using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Feedback.Triage;

public sealed class FeedbackTriageTests : IDisposable
{
    private static readonly Actor Sam = new("sam", ActorRole.Agent);

    private readonly string _root = Directory.CreateTempSubdirectory("assistant-triage-").FullName;
    private readonly SqliteFeedbackStore _feedback;
    private readonly SqliteTriageStore _store;
    private readonly SqliteGoldenCaseDraftStore _drafts;
    private readonly SqliteAuditLog _audit;
    private readonly FeedbackTriage _triage;

    public FeedbackTriageTests()
    {
        var database = new SqliteDatabase(Path.Combine(_root, "assistant.db"));
        _feedback = new SqliteFeedbackStore(database);
        _store = new SqliteTriageStore(database);
        _drafts = new SqliteGoldenCaseDraftStore(database);
        _audit = new SqliteAuditLog(database);
        _triage = new FeedbackTriage(_store, _drafts, _audit);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<Assistant.Core.Feedback.Feedback> DownAsync(string trace, string category = "wrong-answer") =>
        _feedback.SaveAsync(trace, "alice", new FeedbackSubmission("down", [category]), Cancel);

    [Fact]
    public async Task Only_negative_feedback_is_in_the_queue_and_filters_narrow_it()
    {
        await _feedback.SaveAsync("trace_up", "alice", new FeedbackSubmission("up"), Cancel);
        var outdated = await DownAsync("trace_1", "outdated");
        var wrong = await DownAsync("trace_2");
        await _triage.TriageAsync(wrong.Id, new TriageUpdate("triaged", "retrieval-miss"), Sam, Cancel);

        var all = await _store.ListAsync(new TriageFilter(), Cancel);
        var fresh = await _store.ListAsync(new TriageFilter(Status: "new"), Cancel);
        var byCause = await _store.ListAsync(new TriageFilter(Cause: "retrieval-miss"), Cancel);
        var byCategory = await _store.ListAsync(new TriageFilter(Category: "outdated"), Cancel);
        var future = await _store.ListAsync(new TriageFilter(From: DateTimeOffset.UtcNow.AddDays(1)), Cancel);

        Assert.Equal(2, all.Count);
        Assert.Equal(outdated.Id, Assert.Single(fresh).Feedback.Id);
        Assert.Equal(wrong.Id, Assert.Single(byCause).Feedback.Id);
        Assert.Equal(outdated.Id, Assert.Single(byCategory).Feedback.Id);
        Assert.Empty(future);
    }

    [Fact]
    public async Task Triage_labels_the_cause_moves_the_status_and_is_audited()
    {
        var down = await DownAsync("trace_1");

        var triaged = await _triage.TriageAsync(down.Id, new TriageUpdate("triaged", "wrong-passage", "cites the old article"), Sam, Cancel);
        var fixedItem = await _triage.TriageAsync(down.Id, new TriageUpdate("fixed", "wrong-passage"), Sam, Cancel);

        Assert.Equal(("triaged", "wrong-passage", "sam"), (triaged!.Status, triaged.Cause, triaged.TriagedBy));
        Assert.Equal("fixed", fixedItem!.Status);
        var entries = await _audit.ListAsync(new AuditQuery(), Cancel);
        Assert.Equal(2, entries.Count(e => e.Event == AuditEvent.FeedbackTriaged && e.ActionId == down.Id && e.Actor == "sam"));
        Assert.Equal([new CauseCount("wrong-passage", 1)], await _store.CountByCauseAsync(Cancel));
    }

    [Theory]
    [InlineData("fixed")]
    [InlineData("wont-fix")]
    public async Task New_feedback_cannot_be_closed_without_being_triaged(string status)
    {
        var down = await DownAsync("trace_1");

        var error = await Assert.ThrowsAsync<InvalidTriageException>(() => _triage.TriageAsync(down.Id, new TriageUpdate(status, "policy"), Sam, Cancel));

        Assert.Equal("status", error.Field);
        Assert.Equal("new", (await _store.GetAsync(down.Id, Cancel))!.Status);
        Assert.Empty(await _audit.ListAsync(new AuditQuery(), Cancel));
    }

    [Theory]
    [InlineData("new", "policy", "status")]
    [InlineData("done", "policy", "status")]
    [InlineData("triaged", "bad-luck", "cause")]
    [InlineData("triaged", null, "cause")]
    public async Task Invalid_updates_name_the_field(string status, string? cause, string field)
    {
        var down = await DownAsync("trace_1");

        var error = await Assert.ThrowsAsync<InvalidTriageException>(() => _triage.TriageAsync(down.Id, new TriageUpdate(status, cause), Sam, Cancel));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task A_changed_rating_sends_triaged_feedback_back_to_new_and_uncounted()
    {
        var down = await DownAsync("trace_1");
        await _triage.TriageAsync(down.Id, new TriageUpdate("triaged", "policy"), Sam, Cancel);

        await DownAsync("trace_1", "outdated");

        Assert.Equal("new", (await _store.GetAsync(down.Id, Cancel))!.Status);
        Assert.Equal([new CauseCount(null, 1)], await _store.CountByCauseAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_feedback_is_null_not_an_error()
    {
        Assert.Null(await _triage.TriageAsync("feedback_missing", new TriageUpdate("triaged", "policy"), Sam, Cancel));
    }

    [Fact]
    public async Task A_golden_case_needs_triaged_feedback_and_then_joins_the_evaluated_set()
    {
        var down = await DownAsync("trace_1");
        var request = new GoldenCaseRequest("How long is the refund window?", ["billing/refunds"], ["30 days"]);
        var early = await Assert.ThrowsAsync<InvalidTriageException>(() => _triage.AddToGoldenSetAsync(down.Id, request, Sam, Cancel));
        await _triage.TriageAsync(down.Id, new TriageUpdate("triaged", "retrieval-miss"), Sam, Cancel);

        var draft = await _triage.AddToGoldenSetAsync(down.Id, request, Sam, Cancel);
        var golden = new GoldenCase("ans-001", "answerable", ["q"], ["a/b"], ["f"], [], null);
        var cases = await TriagedGoldenCases.AddToAsync([golden], _root, Cancel);

        Assert.Equal("status", early.Field);
        Assert.Equal(GoldenCaseDraft.Pending, draft!.Status);
        var added = cases[1];
        Assert.Equal(($"fb-{down.Id}", "answerable", "How long is the refund window?"), (added.Id, added.Type, added.Turns[0]));
        Assert.Equal(["billing/refunds"], added.ExpectedArticles);
        Assert.Equal(["30 days"], added.Facts);
        Assert.Contains(await _audit.ListAsync(new AuditQuery(), Cancel), e => e.Event == AuditEvent.GoldenCaseWritten && e.ActionId == down.Id);
    }

    [Fact]
    public async Task Exported_cases_are_jsonl_the_golden_loader_reads_with_their_source_feedback()
    {
        var down = await DownAsync("trace_1", "not-answered");
        await _triage.TriageAsync(down.Id, new TriageUpdate("triaged", "missing-content"), Sam, Cancel);
        await _triage.AddToGoldenSetAsync(down.Id, new GoldenCaseRequest("Can I pay in bitcoin?", ExpectDecline: true), Sam, Cancel);
        var path = Path.Combine(_root, "pending.jsonl");

        var pending = await _drafts.ListAsync(GoldenCaseDraft.Pending, Cancel);
        await GoldenCaseFile.AppendAsync(path, pending, Cancel);
        await _drafts.MarkExportedAsync(pending.Select(d => d.Id).ToArray(), Cancel);

        var loaded = Assert.Single(GoldenCase.Load(path));
        Assert.True(loaded.ShouldDecline);
        Assert.Contains($"\"source_feedback\":\"{down.Id}\"", await File.ReadAllTextAsync(path, Cancel));
        Assert.Empty(await _drafts.ListAsync(GoldenCaseDraft.Pending, Cancel));
        Assert.Single(await _drafts.ListAsync(GoldenCaseDraft.Exported, Cancel));
    }

    [Theory]
    [InlineData("", false, "question")]
    [InlineData("q", false, "facts")]
    [InlineData("q", true, "facts")]
    public void Golden_case_requests_name_what_is_missing(string question, bool decline, string field)
    {
        var request = decline
            ? new GoldenCaseRequest(question, [], ["a fact"], ExpectDecline: true)
            : new GoldenCaseRequest(question, ["a/b"], question.Length == 0 ? ["f"] : []);

        Assert.True(request.Validate().ContainsKey(field));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
