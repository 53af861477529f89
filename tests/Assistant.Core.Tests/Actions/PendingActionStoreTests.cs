using Assistant.Core.Actions;
using Assistant.Core.Storage;
using Xunit;

namespace Assistant.Core.Tests.Actions;

public sealed class PendingActionStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-actions-").FullName;

    private SqlitePendingActionStore NewStore() => new(new SqliteDatabase(Path.Combine(_root, "assistant.db")));

    private static PendingAction Refund(string status = ActionStatus.AwaitingApproval, TimeSpan? expiresIn = null) => new(
        Ids.New("act"), "request_refund", """{"invoice":"INV-2026-0142","amount":120}""", "alice", "user", "conv_1", "msg_1", "High",
        ConfirmationPolicy.Agent, "Refund $120.00 of invoice INV-2026-0142", status, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow + (expiresIn ?? TimeSpan.FromHours(24)));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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

        var restarted = NewStore();
        var pending = await restarted.ListAsync([ActionStatus.AwaitingApproval], cancellationToken: Cancel);
        var approved = await restarted.TransitionAsync(created.Id, [ActionStatus.AwaitingApproval], ActionStatus.Approved, "sam", "agent", "identity checked", cancellationToken: Cancel);

        Assert.Equal(created.Id, Assert.Single(pending).Id);
        Assert.Equal(("sam", "identity checked"), (approved!.DecidedBy, approved.DecisionReason));
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

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
