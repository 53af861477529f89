using Assistant.Core.Feedback;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Feedback;

public sealed class SqliteFeedbackStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-feedback-").FullName;
    private readonly SqliteFeedbackStore _store;

    public SqliteFeedbackStoreTests() => _store = new SqliteFeedbackStore(new SqliteDatabase(Path.Combine(_root, "assistant.db")));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_feedback_updates_the_one_record_in_place()
    {
        var first = await _store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up"), Cancel);
        await Task.Delay(5, Cancel);

        var changed = await _store.SaveAsync("trace_1", "user_a",
            new FeedbackSubmission("down", ["wrong-source", "outdated", "wrong-source"], "Cites the 2024 policy"), Cancel);

        Assert.Equal(first.Id, changed.Id);
        Assert.Equal(first.CreatedAt, changed.CreatedAt);
        Assert.True(changed.UpdatedAt > first.UpdatedAt);
        Assert.Equal("down", changed.Rating);
        Assert.Equal(["wrong-source", "outdated"], changed.Categories);
        Assert.Equal("Cites the 2024 policy", changed.Comment);
        var stored = await _store.GetAsync("trace_1", "user_a", Cancel);
        Assert.Equal(changed with { Categories = [] }, stored! with { Categories = [] });
        Assert.Equal(changed.Categories, stored.Categories);
        Assert.Single(await _store.ListAsync(cancellationToken: Cancel));
    }

    [Fact]
    public async Task New_feedback_is_stored_with_status_new()
    {
        var saved = await _store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up", null, "  "), Cancel);

        Assert.StartsWith("feedback_", saved.Id);
        Assert.Equal(Core.Feedback.Feedback.NewStatus, saved.Status);
        Assert.Equal(saved.CreatedAt, saved.UpdatedAt);
        Assert.Empty(saved.Categories);
        Assert.Null(saved.Comment);
    }

    [Fact]
    public async Task Two_users_on_one_trace_have_separate_records()
    {
        var a = await _store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up"), Cancel);
        var b = await _store.SaveAsync("trace_1", "user_b", new FeedbackSubmission("down", ["too-slow"]), Cancel);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("up", (await _store.GetAsync("trace_1", "user_a", Cancel))!.Rating);
        Assert.Equal("down", (await _store.GetAsync("trace_1", "user_b", Cancel))!.Rating);
        Assert.Null(await _store.GetAsync("trace_2", "user_a", Cancel));
    }

    [Fact]
    public async Task List_returns_newest_first_filtered_by_status_and_limited()
    {
        foreach (var trace in new[] { "trace_1", "trace_2", "trace_3" })
        {
            await _store.SaveAsync(trace, "user_a", new FeedbackSubmission("up"), Cancel);
            await Task.Delay(5, Cancel);
        }

        Assert.Equal(["trace_3", "trace_2", "trace_1"], (await _store.ListAsync(cancellationToken: Cancel)).Select(f => f.TraceId));
        Assert.Equal(["trace_3", "trace_2"], (await _store.ListAsync(limit: 2, cancellationToken: Cancel)).Select(f => f.TraceId));
        Assert.Equal(3, (await _store.ListAsync("new", cancellationToken: Cancel)).Count);
        Assert.Empty(await _store.ListAsync("resolved", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Invalid_submissions_are_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("down"), Cancel));

        Assert.Contains("at least one category", error.Message);
        Assert.Null(await _store.GetAsync("trace_1", "user_a", Cancel));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
