using Assistant.Core.Audit;
using Assistant.Core.Budgets;
using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Launch;
using Assistant.Core.Launch.Checks;
using Assistant.Core.Operations;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Launch;

/// <summary>The items read from the product's stores: budgets, feedback triage, audit, kill-switch drill, rollback.</summary>
public sealed class StateChecksTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Budgets_on_with_a_limit_per_scope_are_ready_and_list_each_limit_and_who_set_it()
    {
        using var launch = new LaunchHarness();
        await launch.Get<BudgetAdministration>().SetLimitAsync("ada", "admin", BudgetScopes.GlobalDaily, 30m, Cancel);

        var item = await launch.ItemAsync(BudgetsSetCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.StartsWith("7 limits in force: request-tokens 16,000 tokens per request (configured), request-usd $0.05 per request (configured)", item.Detail);
        Assert.Contains("global-daily $30.00 per day (set by ada)", item.Detail);
    }

    [Fact]
    public async Task Budgets_switched_off_are_not_ready()
    {
        using var launch = new LaunchHarness(new() { ["Assistant:Budgets:Enabled"] = "false" });

        var item = await launch.ItemAsync(BudgetsSetCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("Assistant:Budgets:Enabled=false", item.Detail);
    }

    [Fact]
    public async Task A_model_without_a_price_is_not_ready_because_no_usd_limit_can_stop_it()
    {
        using var launch = new LaunchHarness(new()
        {
            ["Assistant:Model:Endpoint"] = "http://127.0.0.1:1/v1",
            ["Assistant:Model:Model"] = "house-llm-70b",
        });

        var item = await launch.ItemAsync(BudgetsSetCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith("house-llm-70b has no price in Assistant:Model:Prices", item.Detail);
    }

    [Fact]
    public async Task Feedback_with_nothing_waiting_long_is_ready_and_counts_it()
    {
        using var launch = new LaunchHarness();
        await launch.Get<IFeedbackStore>().SaveAsync("trace_1", "alice", new FeedbackSubmission("down", ["wrong-answer"]), Cancel);

        var item = await launch.ItemAsync(FeedbackTriageCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Equal("Feedback and triage are on: 1 thumbs-down, 1 untriaged; nothing triaged yet; none waiting over 7 days.", item.Detail);
    }

    [Fact]
    public async Task A_thumbs_down_untriaged_past_the_backlog_window_is_not_ready()
    {
        using var launch = new LaunchHarness();
        await launch.Get<IFeedbackStore>().SaveAsync("trace_1", "alice", new FeedbackSubmission("down", ["wrong-answer"]), Cancel);
        launch.Clock.Advance(TimeSpan.FromDays(8));

        var item = await launch.ItemAsync(FeedbackTriageCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith("1 thumbs-down untriaged for over 7 days", item.Detail);
    }

    [Fact]
    public async Task Triaged_feedback_is_not_a_backlog_however_old()
    {
        using var launch = new LaunchHarness();
        var feedback = await launch.Get<IFeedbackStore>().SaveAsync("trace_1", "alice", new FeedbackSubmission("down", ["wrong-answer"]), Cancel);
        await launch.Get<FeedbackTriage>().TriageAsync(feedback.Id, new TriageUpdate(TriageStatus.Triaged, TriageCause.RetrievalMiss.Id), new Assistant.Core.Actions.Actor("sam", Assistant.Core.Actions.ActorRole.Agent), Cancel);
        launch.Clock.Advance(TimeSpan.FromDays(8));

        var item = await launch.ItemAsync(FeedbackTriageCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Contains("1 thumbs-down, 0 untriaged; last triaged by sam", item.Detail);
    }

    [Fact]
    public async Task An_empty_audit_log_is_not_ready()
    {
        using var launch = new LaunchHarness();

        var item = await launch.ItemAsync(AuditOnCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Equal("The audit log is writable but has no entry from the last 7 days (it is empty).", item.Detail);
    }

    [Fact]
    public async Task An_audit_log_with_recent_rows_is_ready_and_its_probe_leaves_no_row()
    {
        using var launch = new LaunchHarness();
        var entry = await launch.AppendAsync(AuditEvent.BudgetLimitChanged, "budgets");

        var item = await launch.ItemAsync(AuditOnCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.StartsWith("Writable (probe rolled back); 1 entries in the last 7 days, the newest budget-limit-changed by ada", item.Detail);
        // The probe wrote and rolled back: the next entry follows the last with no gap in the sequence.
        var next = await launch.AppendAsync(AuditEvent.BudgetLimitChanged, "budgets");
        Assert.Equal(entry.Sequence + 1, next.Sequence);
        Assert.Equal(2, (await launch.Audit.ListAsync(new AuditQuery(), Cancel)).Count);
    }

    [Fact]
    public async Task An_audit_log_with_only_old_rows_is_not_ready()
    {
        using var launch = new LaunchHarness();
        await launch.AppendAsync(AuditEvent.BudgetLimitChanged, "budgets");
        launch.Clock.Advance(TimeSpan.FromDays(8));

        var item = await launch.ItemAsync(AuditOnCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("no entry from the last 7 days (the newest is budget-limit-changed on", item.Detail);
    }

    [Fact]
    public async Task An_audit_log_that_refuses_writes_is_not_ready()
    {
        using var launch = new LaunchHarness();
        await launch.AppendAsync(AuditEvent.BudgetLimitChanged, "budgets");
        // What a read-only file or a broken schema does to an append, without needing a non-root user.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(launch.Root, "data", "assistant.db")}"))
        {
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER audit_log_frozen BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log frozen'); END;";
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var item = await launch.ItemAsync(AuditOnCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains($"The audit log in the SQLite file {Path.Combine(launch.Root, "data", "assistant.db")} refused a probe write", item.Detail);
        Assert.Contains("audit log frozen", item.Detail);
    }

    [Fact]
    public async Task A_switch_turned_on_then_cleared_is_a_tested_kill_switch()
    {
        using var launch = new LaunchHarness();
        var operations = launch.Get<OperationsAdministration>();
        await operations.SetAsync("ada", "admin", new OperationsSettings(false, [], true, false, "Back soon."), Cancel);
        launch.Clock.Advance(TimeSpan.FromMinutes(5));
        await operations.ClearAsync("ada", "admin", Cancel);

        var item = await launch.ItemAsync(KillSwitchTestedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Matches(@"^Turned on by ada on .+ UTC \(forced offline\), cleared by ada on .+ UTC\.$", item.Detail);
    }

    [Fact]
    public async Task A_switch_turned_on_and_never_cleared_is_not_a_drill()
    {
        using var launch = new LaunchHarness();
        await launch.Get<OperationsAdministration>().SetAsync("ada", "admin", new OperationsSettings(true, [], false, false, "Back soon."), Cancel);

        var item = await launch.ItemAsync(KillSwitchTestedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Contains("(all tools off) and has not been cleared since", item.Detail);
    }

    [Fact]
    public async Task A_drill_older_than_the_window_does_not_count()
    {
        using var launch = new LaunchHarness();
        var operations = launch.Get<OperationsAdministration>();
        await operations.SetAsync("ada", "admin", new OperationsSettings(false, [], false, true, "Back soon."), Cancel);
        await operations.ClearAsync("ada", "admin", Cancel);
        launch.Clock.Advance(TimeSpan.FromDays(31));

        var item = await launch.ItemAsync(KillSwitchTestedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Equal("No drill in the last 30 days: 0 switch changes in the last 30 days, none turning a switch on.", item.Detail);
    }

    [Fact]
    public async Task An_automatic_rollback_this_week_is_ready_and_says_it_was_automatic()
    {
        using var launch = new LaunchHarness();
        await launch.AppendAsync(AuditEvent.RolloutRolledBack, "releases", AuditRecord.SystemActor, "v2-shorter: unsupported sentences 9 % vs 2 %");

        var item = await launch.ItemAsync(RollbackExercisedCheck.Spec.Id);

        Assert.Equal(LaunchState.Ready, item.State);
        Assert.Matches(@"^1 rollback in the last 7 days; the latest on .+ UTC, automatically \(guard metric\): v2-shorter: unsupported sentences 9 % vs 2 %\.$", item.Detail);
    }

    [Fact]
    public async Task No_rollback_in_the_last_seven_days_is_not_ready_and_dates_the_last_one()
    {
        using var launch = new LaunchHarness();
        await launch.AppendAsync(AuditEvent.RolloutRolledBack, "releases");
        launch.Clock.Advance(TimeSpan.FromDays(8));

        var item = await launch.ItemAsync(RollbackExercisedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.StartsWith("No rollback in the last 7 days; the last was on", item.Detail);
    }

    [Fact]
    public async Task Never_rolled_back_is_not_ready()
    {
        using var launch = new LaunchHarness();

        var item = await launch.ItemAsync(RollbackExercisedCheck.Spec.Id);

        Assert.Equal(LaunchState.NotReady, item.State);
        Assert.Equal("No rollback in the last 7 days; none ever recorded.", item.Detail);
    }
}
