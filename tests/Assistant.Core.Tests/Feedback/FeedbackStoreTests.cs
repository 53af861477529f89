using Assistant.Core.Feedback;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Feedback;

public abstract class FeedbackStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IFeedbackStore Store => field ??= Database.Pick<IFeedbackStore>(
        sqlite => new SqliteFeedbackStore(sqlite), postgres => new PostgresFeedbackStore(postgres));

    [Fact]
    public async Task Changing_feedback_updates_the_one_record_in_place()
    {
        var first = await Store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up"), Cancel);
        await Task.Delay(5, Cancel);

        var changed = await Store.SaveAsync("trace_1", "user_a",
            new FeedbackSubmission("down", ["wrong-source", "outdated", "wrong-source"], "Cites the 2024 policy"), Cancel);

        Assert.Equal(first.Id, changed.Id);
        Assert.Equal(first.CreatedAt, changed.CreatedAt);
        Assert.True(changed.UpdatedAt > first.UpdatedAt);
        Assert.Equal("down", changed.Rating);
        Assert.Equal(["wrong-source", "outdated"], changed.Categories);
        Assert.Equal("Cites the 2024 policy", changed.Comment);
        var stored = await Store.GetAsync("trace_1", "user_a", Cancel);
        Assert.Equal(changed with { Categories = [] }, stored! with { Categories = [] });
        Assert.Equal(changed.Categories, stored.Categories);
        Assert.Single(await Store.ListAsync(cancellationToken: Cancel));
    }

    [Fact]
    public async Task New_feedback_is_stored_with_status_new()
    {
        var saved = await Store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up", null, "  "), Cancel);

        Assert.StartsWith("feedback_", saved.Id);
        Assert.Equal(Core.Feedback.Feedback.NewStatus, saved.Status);
        Assert.Equal(saved.CreatedAt, saved.UpdatedAt);
        Assert.Empty(saved.Categories);
        Assert.Null(saved.Comment);
    }

    [Fact]
    public async Task Two_users_on_one_trace_have_separate_records()
    {
        var a = await Store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("up"), Cancel);
        var b = await Store.SaveAsync("trace_1", "user_b", new FeedbackSubmission("down", ["too-slow"]), Cancel);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal("up", (await Store.GetAsync("trace_1", "user_a", Cancel))!.Rating);
        Assert.Equal("down", (await Store.GetAsync("trace_1", "user_b", Cancel))!.Rating);
        Assert.Null(await Store.GetAsync("trace_2", "user_a", Cancel));
    }

    [Fact]
    public async Task List_returns_newest_first_filtered_by_status_and_limited()
    {
        foreach (var trace in new[] { "trace_1", "trace_2", "trace_3" })
        {
            await Store.SaveAsync(trace, "user_a", new FeedbackSubmission("up"), Cancel);
            await Task.Delay(5, Cancel);
        }

        Assert.Equal(["trace_3", "trace_2", "trace_1"], (await Store.ListAsync(cancellationToken: Cancel)).Select(f => f.TraceId));
        Assert.Equal(["trace_3", "trace_2"], (await Store.ListAsync(limit: 2, cancellationToken: Cancel)).Select(f => f.TraceId));
        Assert.Equal(3, (await Store.ListAsync("new", cancellationToken: Cancel)).Count);
        Assert.Empty(await Store.ListAsync("resolved", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Invalid_submissions_are_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.SaveAsync("trace_1", "user_a", new FeedbackSubmission("down"), Cancel));

        Assert.Contains("at least one category", error.Message);
        Assert.Null(await Store.GetAsync("trace_1", "user_a", Cancel));
    }

    [Fact]
    public async Task One_user_rating_one_answer_on_two_replicas_at_once_keeps_one_record()
    {
        var replicas = new[]
        {
            Store,
            Database.OtherReplica<IFeedbackStore>(sqlite => new SqliteFeedbackStore(sqlite), postgres => new PostgresFeedbackStore(postgres)),
        };

        var saved = await Task.WhenAll(Enumerable.Range(0, 20).Select(turn => replicas[turn % 2].SaveAsync("trace_1", "user_a",
            turn % 3 == 0 ? new FeedbackSubmission("up") : new FeedbackSubmission("down", ["too-slow"]), Cancel)));

        var stored = Assert.Single(await Store.ListAsync(cancellationToken: Cancel));
        Assert.All(saved, feedback => Assert.Equal(stored.Id, feedback.Id));
    }

    public sealed class OnSqlite() : FeedbackStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : FeedbackStoreTests(StorageProvider.PostgreSQL);
}
