extern alias cli;

using cli::Assistant.Cli.Benchmarks.ScaleOut;
using Xunit;

namespace Assistant.Web.Tests.Cli.ScaleOut;

/// <summary>The after-run checks against a real PostgreSQL database holding what a run wrote.</summary>
public sealed class DatabaseChecksTests
{
    private static CheckResult Named(IReadOnlyList<CheckResult> checks, string name) => Assert.Single(checks, c => c.Name == name);

    [Fact]
    public async Task Every_accepted_write_stored_once_passes_every_check()
    {
        await using var database = await SeededRunDatabase.CreateAsync();
        var ledger = new WriteLedger();
        var (conversation, first) = await database.ExchangeAsync("How long do refunds take?");
        var (_, second) = await database.ExchangeAsync("Can I get it faster?", conversation);
        ledger.Conversations.Enqueue(conversation);
        ledger.Messages.Enqueue(new SentMessage(conversation, "How long do refunds take?", first));
        ledger.Messages.Enqueue(new SentMessage(conversation, "Can I get it faster?", second));
        await database.ExecutedRefundAsync("act_1", "INV-2026-0142", 3);
        await database.ExecutedRefundAsync("act_2", "INV-2026-0142", 5);
        ledger.Proposed.Enqueue(new ProposedAction("act_1", "request_refund", "alice"));
        ledger.Confirmed.Enqueue(new ActionDecision("act_1", "alice", "awaiting-approval"));
        ledger.Approved.Enqueue(new ActionDecision("act_1", "sam", "executed"));

        var checks = await DatabaseChecks.RunAsync(database.ConnectionString, ledger, TestContext.Current.CancellationToken);

        Assert.All(checks, check => Assert.True(check.Passed, $"{check.Name}: {check.Detail}"));
        Assert.Equal(9, checks.Count);
        Assert.Equal(2, Named(checks, MessageChecks.MessagesName).Checked);
        Assert.Equal(2, Named(checks, ActionChecks.ExecutedName).Checked);
    }

    [Fact]
    public async Task A_lost_message_a_doubled_question_and_a_failed_request_stored_anyway_are_told_apart()
    {
        await using var database = await SeededRunDatabase.CreateAsync();
        var ledger = new WriteLedger();
        var (conversation, answered) = await database.ExchangeAsync("First question");
        // Stored twice though the client sent it once and was answered once.
        await database.ExchangeAsync("Doubled question", conversation);
        var (_, doubled) = await database.ExchangeAsync("Doubled question", conversation);
        // The replica stored it and died before answering: the client saw a 502. Not a failure.
        await database.ExchangeAsync("Answered by a dying replica", conversation);
        ledger.Messages.Enqueue(new SentMessage(conversation, "First question", answered));
        ledger.Messages.Enqueue(new SentMessage(conversation, "Doubled question", doubled));
        ledger.Messages.Enqueue(new SentMessage(conversation, "Answered by a dying replica", null));
        // Accepted (200) but not in the database: lost.
        ledger.Messages.Enqueue(new SentMessage(conversation, "Lost question", "trace_lost"));

        var check = Named(await DatabaseChecks.RunAsync(database.ConnectionString, ledger, TestContext.Current.CancellationToken), MessageChecks.MessagesName);

        Assert.False(check.Passed);
        Assert.Equal(3, check.Checked);
        // The lost message's answer and question are both missing; the doubled question is one duplicate.
        Assert.Equal(3, check.Failures);
        Assert.Contains("1 answers and 1 questions missing, 1 stored more than once", check.Detail, StringComparison.Ordinal);
        Assert.Contains("of 1 messages whose request failed, 1 were stored anyway", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_execution_a_lost_approval_and_a_refund_applied_twice_fail_their_checks()
    {
        await using var database = await SeededRunDatabase.CreateAsync();
        await database.ExecutedRefundAsync("act_twice", "INV-2026-0455", 2);
        // A second replica ran it again: another executed transition and audit row, and the invoice refunded again.
        await database.ExecuteAsync("""
            INSERT INTO action_transitions(action_id, from_status, to_status, actor, role) VALUES ('act_twice', 'executing', 'executed', 'sam', 'agent');
            INSERT INTO audit_log(actor, role, event, tool, action_id, outcome) VALUES ('sam', 'agent', 'executed', 'request_refund', 'act_twice', 'ok');
            UPDATE backoffice_invoices SET refunded_cents = refunded_cents + 2 WHERE number = 'INV-2026-0455';
            """);
        var ledger = new WriteLedger();
        // The agent was told the approval succeeded, but the database holds no such action.
        ledger.Approved.Enqueue(new ActionDecision("act_lost", "sam", "executed"));

        var checks = await DatabaseChecks.RunAsync(database.ConnectionString, ledger, TestContext.Current.CancellationToken);

        Assert.False(Named(checks, ActionChecks.ApprovedName).Passed);
        Assert.Equal(2, Named(checks, ActionChecks.DuplicatesName).Failures);
        var executed = Named(checks, ActionChecks.ExecutedName);
        Assert.Equal(2, executed.Failures);
        Assert.Contains("1 seen executed but not executed in the database", executed.Detail, StringComparison.Ordinal);
        var refunds = Named(checks, BackofficeChecks.RefundsName);
        Assert.False(refunds.Passed);
        Assert.Contains("INV-2026-0455 refunded 4 cents, actions asked 2", refunds.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stores_not_on_PostgreSQL_fail_their_checks_and_say_so()
    {
        await using var database = await SeededRunDatabase.CreateAsync(withActionTables: false);
        var (conversation, answered) = await database.ExchangeAsync("Only conversations are shared");
        var ledger = new WriteLedger();
        ledger.Conversations.Enqueue(conversation);
        ledger.Messages.Enqueue(new SentMessage(conversation, "Only conversations are shared", answered));
        ledger.Proposed.Enqueue(new ProposedAction("act_1", "request_refund", "alice"));

        var checks = await DatabaseChecks.RunAsync(database.ConnectionString, ledger, TestContext.Current.CancellationToken);

        Assert.True(Named(checks, MessageChecks.MessagesName).Passed);
        var proposed = Named(checks, ActionChecks.ProposedName);
        Assert.False(proposed.Passed);
        Assert.Equal(1, proposed.Failures);
        Assert.Contains("table pending_actions not found in the PostgreSQL database", proposed.Detail, StringComparison.Ordinal);
        Assert.All(checks.Where(c => c.Name != MessageChecks.MessagesName && c.Name != MessageChecks.ConversationsName), c => Assert.False(c.Passed));
    }
}
