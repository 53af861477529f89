using Assistant.Core.Actions;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Actions;

public abstract class PendingActionStoreTests(StorageProvider provider) : StoreContractTests(provider)
{
    private IPendingActionStore NewStore() => Database.Pick<IPendingActionStore>(
        sqlite => new SqlitePendingActionStore(sqlite), postgres => new PostgresPendingActionStore(postgres));

    private IPendingActionStore OtherReplica() => Database.OtherReplica<IPendingActionStore>(
        sqlite => new SqlitePendingActionStore(sqlite), postgres => new PostgresPendingActionStore(postgres));

    private static PendingAction Refund(string status = ActionStatus.AwaitingApproval, TimeSpan? expiresIn = null) => new(
        Ids.New("act"), "request_refund", """{"invoice":"INV-2026-0142","amount":120}""", "alice", "user", "conv_1", "msg_1", "High",
        ConfirmationPolicy.Agent, "Refund $120.00 of invoice INV-2026-0142", status, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromHours(24)));

    [Fact]
    public async Task Two_approvals_at_the_same_moment_move_the_action_once()
    {
        var store = NewStore();
        var action = await store.CreateAsync(Refund(), Cancel);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            store.TransitionAsync(action.Id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, $"agent{i}", "agent", "ok", cancellationToken: Cancel)));

        Assert.Single(results, r => r is not null);
        var history = await store.HistoryAsync(action.Id, Cancel);
        Assert.Equal(["proposed→awaiting-approval", "awaiting-approval→approved"], history.Select(t => $"{t.From}→{t.To}"));
    }

    [Fact]
    public async Task Two_replicas_approving_one_action_at_once_move_it_once_and_the_other_is_told_it_moved_on()
    {
        var replicas = new[] { NewStore(), OtherReplica() };
        var actions = new List<PendingAction>();
        for (var i = 0; i < 10; i++)
        {
            actions.Add(await replicas[0].CreateAsync(Refund(), Cancel));
        }

        // Every action gets two approvals at once, one through each replica's own connection pool.
        var results = await Task.WhenAll(actions.SelectMany(action => replicas.Select((replica, r) => Task.Run(() =>
            replica.TransitionAsync(action.Id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, $"agent{r}", "agent", "ok", cancellationToken: Cancel), Cancel))));

        Assert.Equal(actions.Count, results.Count(r => r is not null));
        foreach (var action in actions)
        {
            var winner = Assert.Single(results, r => r?.Id == action.Id)!;
            var stored = (await replicas[1].GetAsync(action.Id, Cancel))!;
            Assert.Equal((ActionStatus.Approved, winner.DecidedBy), (stored.Status, stored.DecidedBy));
            Assert.Equal(["proposed→awaiting-approval", "awaiting-approval→approved"],
                (await replicas[1].HistoryAsync(action.Id, Cancel)).Select(t => $"{t.From}→{t.To}"));
        }
    }

    [Fact]
    public async Task Two_replicas_claiming_execution_of_one_action_at_once_run_it_once()
    {
        var replicas = new[] { NewStore(), OtherReplica() };
        var action = await replicas[0].CreateAsync(Refund(ActionStatus.Approved), Cancel);

        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            replicas[i % 2].TransitionAsync(action.Id, [ActionStatus.Approved], ActionStatus.Executing, "system", "system", null, cancellationToken: Cancel), Cancel)));
        var done = await replicas[1].TransitionAsync(action.Id, [ActionStatus.Executing], ActionStatus.Executed, "system", "system", null, "refunded $120.00", cancellationToken: Cancel);
        var again = await replicas[0].TransitionAsync(action.Id, [ActionStatus.Approved], ActionStatus.Executing, "system", "system", null, cancellationToken: Cancel);

        Assert.Single(claims, c => c is not null);
        Assert.Equal((ActionStatus.Executed, "refunded $120.00"), (done!.Status, done.Result));
        Assert.Null(again);
        Assert.Single(await replicas[0].HistoryAsync(action.Id, Cancel), t => t.To == ActionStatus.Executing);
    }

    [Fact]
    public async Task Claiming_execution_succeeds_once_however_often_it_is_tried()
    {
        var store = NewStore();
        var action = await store.CreateAsync(Refund(ActionStatus.Approved), Cancel);

        var claims = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            store.TransitionAsync(action.Id, [ActionStatus.Approved], ActionStatus.Executing, "system", "system", null, cancellationToken: Cancel)));
        var done = await store.TransitionAsync(action.Id, [ActionStatus.Executing], ActionStatus.Executed, "system", "system", null, "refunded $120.00", cancellationToken: Cancel);

        Assert.Single(claims, c => c is not null);
        Assert.Equal((ActionStatus.Executed, "refunded $120.00"), (done!.Status, done.Result));
    }

    [Fact]
    public async Task A_pending_action_survives_a_restart_and_can_still_be_approved()
    {
        var created = await NewStore().CreateAsync(Refund(), Cancel);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var restarted = OtherReplica();
        var pending = await restarted.ListAsync([ActionStatus.AwaitingApproval], cancellationToken: Cancel);
        var approved = await restarted.TransitionAsync(created.Id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, "sam", "agent", "identity checked", cancellationToken: Cancel);

        Assert.Equal(created, Assert.Single(pending));
        Assert.Equal(("sam", "identity checked"), (approved!.DecidedBy, approved.DecisionReason));
    }

    [Fact]
    public async Task Lists_filter_by_status_requester_and_conversation_oldest_first()
    {
        var store = NewStore();
        var first = await store.CreateAsync(Refund(), Cancel);
        var second = await store.CreateAsync(Refund(ActionStatus.AwaitingUser) with { Id = Ids.New("act"), RequestedBy = "bob", ConversationId = "conv_2", CreatedAt = DateTimeOffset.UtcNow.AddSeconds(1) }, Cancel);

        Assert.Equal([first.Id, second.Id], (await store.ListAsync([], cancellationToken: Cancel)).Select(a => a.Id));
        Assert.Equal([second.Id], (await store.ListAsync([ActionStatus.AwaitingUser, ActionStatus.Approved], cancellationToken: Cancel)).Select(a => a.Id));
        Assert.Equal([first.Id], (await store.ListAsync([], requestedBy: "alice", cancellationToken: Cancel)).Select(a => a.Id));
        Assert.Equal([second.Id], (await store.ListAsync([], conversationId: "conv_2", cancellationToken: Cancel)).Select(a => a.Id));
    }

    [Fact]
    public async Task Waiting_actions_past_their_time_expire_and_can_no_longer_be_approved()
    {
        var store = NewStore();
        var due = await store.CreateAsync(Refund(expiresIn: TimeSpan.FromMinutes(-1)), Cancel);
        var fresh = await store.CreateAsync(Refund(), Cancel);

        var expired = await store.ExpireDueAsync(DateTimeOffset.UtcNow, Cancel);
        var late = await store.TransitionAsync(due.Id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, "sam", "agent", null, cancellationToken: Cancel);

        Assert.Equal(due.Id, Assert.Single(expired).Id);
        Assert.Null(late);
        Assert.Equal(ActionStatus.AwaitingApproval, (await store.GetAsync(fresh.Id, Cancel))!.Status);
    }

    [Fact]
    public async Task A_cancelled_action_cannot_be_confirmed_afterwards()
    {
        var store = NewStore();
        var action = await store.CreateAsync(Refund(ActionStatus.AwaitingUser), Cancel);

        await store.TransitionAsync(action.Id, [ActionStatus.AwaitingUser], ActionStatus.Cancelled, "alice", "user", "changed my mind", cancellationToken: Cancel);
        var confirm = await store.TransitionAsync(action.Id, [ActionStatus.AwaitingUser], ActionStatus.Approved, "alice", "user", null, cancellationToken: Cancel);

        Assert.Null(confirm);
        Assert.True(ActionStatus.IsFinal((await store.GetAsync(action.Id, Cancel))!.Status));
    }

    public sealed class OnSqlite() : PendingActionStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : PendingActionStoreTests(StorageProvider.PostgreSQL);
}
