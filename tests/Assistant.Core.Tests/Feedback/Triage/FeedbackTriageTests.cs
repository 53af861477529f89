using Assistant.Core.Actions;
using Assistant.Core.Audit;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Feedback.Triage;

public abstract class FeedbackTriageTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly Actor Sam = new("sam", ActorRole.Agent);

    // The exported golden file is written here.
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-triage-").FullName;

    private IFeedbackStore Ratings => field ??= Database.Pick<IFeedbackStore>(
        sqlite => new SqliteFeedbackStore(sqlite), postgres => new PostgresFeedbackStore(postgres));

    private ITriageStore Store => field ??= Database.Pick<ITriageStore>(
        sqlite => new SqliteTriageStore(sqlite), postgres => new PostgresTriageStore(postgres));

    private IGoldenCaseDraftStore Drafts => field ??= Database.Pick<IGoldenCaseDraftStore>(
        sqlite => new SqliteGoldenCaseDraftStore(sqlite), postgres => new PostgresGoldenCaseDraftStore(postgres));

    private IAuditLog Audit => field ??= Database.Pick<IAuditLog>(
        sqlite => new SqliteAuditLog(sqlite), postgres => new PostgresAuditLog(postgres));

    private FeedbackTriage Triage => field ??= new FeedbackTriage(Store, Drafts, Audit);

    private Task<Assistant.Core.Feedback.Feedback> DownAsync(string trace, string category = "wrong-answer") =>
        Ratings.SaveAsync(trace, "alice", new FeedbackSubmission("down", [category]), Cancel);

    [Fact]
    public async Task Only_negative_feedback_is_in_the_queue_and_filters_narrow_it()
    {
        await Ratings.SaveAsync("trace_up", "alice", new FeedbackSubmission("up"), Cancel);
        var outdated = await DownAsync("trace_1", "outdated");
        var wrong = await DownAsync("trace_2");
        await Triage.TriageAsync(wrong.Id, new TriageUpdate("triaged", "retrieval-miss"), Sam, Cancel);

        var all = await Store.ListAsync(new TriageFilter(), Cancel);
        var fresh = await Store.ListAsync(new TriageFilter(Status: "new"), Cancel);
        var byCause = await Store.ListAsync(new TriageFilter(Cause: "retrieval-miss"), Cancel);
        var byCategory = await Store.ListAsync(new TriageFilter(Category: "outdated"), Cancel);
        var future = await Store.ListAsync(new TriageFilter(From: DateTimeOffset.UtcNow.AddDays(1)), Cancel);

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

        var triaged = await Triage.TriageAsync(down.Id, new TriageUpdate("triaged", "wrong-passage", "cites the old article"), Sam, Cancel);
        var fixedItem = await Triage.TriageAsync(down.Id, new TriageUpdate("fixed", "wrong-passage"), Sam, Cancel);

        Assert.Equal(("triaged", "wrong-passage", "sam"), (triaged!.Status, triaged.Cause, triaged.TriagedBy));
        Assert.Equal("fixed", fixedItem!.Status);
        var entries = await Audit.ListAsync(new AuditQuery(), Cancel);
        Assert.Equal(2, entries.Count(e => e.Event == AuditEvent.FeedbackTriaged && e.ActionId == down.Id && e.Actor == "sam"));
        Assert.Equal([new CauseCount("wrong-passage", 1)], await Store.CountByCauseAsync(Cancel));
    }

    [Theory]
    [InlineData("fixed")]
    [InlineData("wont-fix")]
    public async Task New_feedback_cannot_be_closed_without_being_triaged(string status)
    {
        var down = await DownAsync("trace_1");

        var error = await Assert.ThrowsAsync<InvalidTriageException>(() => Triage.TriageAsync(down.Id, new TriageUpdate(status, "policy"), Sam, Cancel));

        Assert.Equal("status", error.Field);
        Assert.Equal("new", (await Store.GetAsync(down.Id, Cancel))!.Status);
        Assert.Empty(await Audit.ListAsync(new AuditQuery(), Cancel));
    }

    [Theory]
    [InlineData("new", "policy", "status")]
    [InlineData("done", "policy", "status")]
    [InlineData("triaged", "bad-luck", "cause")]
    [InlineData("triaged", null, "cause")]
    public async Task Invalid_updates_name_the_field(string status, string? cause, string field)
    {
        var down = await DownAsync("trace_1");

        var error = await Assert.ThrowsAsync<InvalidTriageException>(() => Triage.TriageAsync(down.Id, new TriageUpdate(status, cause), Sam, Cancel));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task A_changed_rating_sends_triaged_feedback_back_to_new_and_uncounted()
    {
        var down = await DownAsync("trace_1");
        await Triage.TriageAsync(down.Id, new TriageUpdate("triaged", "policy"), Sam, Cancel);

        await DownAsync("trace_1", "outdated");

        Assert.Equal("new", (await Store.GetAsync(down.Id, Cancel))!.Status);
        Assert.Equal([new CauseCount(null, 1)], await Store.CountByCauseAsync(Cancel));
    }

    [Fact]
    public async Task Unknown_feedback_is_null_not_an_error()
    {
        Assert.Null(await Triage.TriageAsync("feedback_missing", new TriageUpdate("triaged", "policy"), Sam, Cancel));
    }

    [Fact]
    public async Task A_golden_case_needs_triaged_feedback_and_then_joins_the_evaluated_set()
    {
        var down = await DownAsync("trace_1");
        var request = new GoldenCaseRequest("How long is the refund window?", ["billing/refunds"], ["30 days"]);
        var early = await Assert.ThrowsAsync<InvalidTriageException>(() => Triage.AddToGoldenSetAsync(down.Id, request, Sam, Cancel));
        await Triage.TriageAsync(down.Id, new TriageUpdate("triaged", "retrieval-miss"), Sam, Cancel);

        var draft = await Triage.AddToGoldenSetAsync(down.Id, request, Sam, Cancel);
        var golden = new GoldenCase("ans-001", "answerable", ["q"], ["a/b"], ["f"], [], null);
        var cases = await TriagedGoldenCases.AddToAsync([golden], Drafts, Cancel);

        Assert.Equal("status", early.Field);
        Assert.Equal(GoldenCaseDraft.Pending, draft!.Status);
        var added = cases[1];
        Assert.Equal(($"fb-{down.Id}", "answerable", "How long is the refund window?"), (added.Id, added.Type, added.Turns[0]));
        Assert.Equal(["billing/refunds"], added.ExpectedArticles);
        Assert.Equal(["30 days"], added.Facts);
        Assert.Contains(await Audit.ListAsync(new AuditQuery(), Cancel), e => e.Event == AuditEvent.GoldenCaseWritten && e.ActionId == down.Id);
    }

    [Fact]
    public async Task Exported_cases_are_jsonl_the_golden_loader_reads_with_their_source_feedback()
    {
        var down = await DownAsync("trace_1", "not-answered");
        await Triage.TriageAsync(down.Id, new TriageUpdate("triaged", "missing-content"), Sam, Cancel);
        await Triage.AddToGoldenSetAsync(down.Id, new GoldenCaseRequest("Can I pay in bitcoin?", ExpectDecline: true), Sam, Cancel);
        var path = Path.Combine(_root, "pending.jsonl");

        var pending = await Drafts.ListAsync(GoldenCaseDraft.Pending, Cancel);
        await GoldenCaseFile.AppendAsync(path, pending, Cancel);
        await Drafts.MarkExportedAsync(pending.Select(d => d.Id).ToArray(), Cancel);

        var loaded = Assert.Single(GoldenCase.Load(path));
        Assert.True(loaded.ShouldDecline);
        Assert.Contains($"\"source_feedback\":\"{down.Id}\"", await File.ReadAllTextAsync(path, Cancel));
        Assert.Empty(await Drafts.ListAsync(GoldenCaseDraft.Pending, Cancel));
        Assert.Single(await Drafts.ListAsync(GoldenCaseDraft.Exported, Cancel));
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    public sealed class OnSqlite() : FeedbackTriageTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : FeedbackTriageTests(StorageProvider.PostgreSQL);
}
