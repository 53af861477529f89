using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ActionPolicyTests : IDisposable
{
    private const string SmallRefund = """{"invoice":"INV-2026-0142","amount":50}""";
    private const string LargeRefund = """{"invoice":"INV-2026-0142","amount":150}""";

    private static readonly Actor Ann = new("ann", ActorRole.Agent);

    private readonly TestActions _actions = new(new Dictionary<string, string?> { ["Assistant:Actions:RefundAdminApprovalAbove"] = "100" });

    private async Task<decimal> AliceRefundedAsync() =>
        (await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount;

    [Fact]
    public async Task Only_the_requester_can_confirm()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        var id = proposed.Action!.Id;

        Assert.Equal(ActionOutcomeKind.NotFound, (await _actions.Decisions.ConfirmAsync(id, Bob, Cancel)).Kind);
        Assert.Equal(ActionOutcomeKind.Forbidden, (await _actions.Decisions.ConfirmAsync(id, Sam, Cancel)).Kind);
        Assert.Equal(ActionStatus.AwaitingUser, (await _actions.Reader.GetAsync(id, Alice, Cancel))!.Status);
        Assert.Equal(ActionStatus.AwaitingApproval, (await _actions.Decisions.ConfirmAsync(id, Alice, Cancel)).Action!.Status);
    }

    [Fact]
    public async Task Users_cannot_approve_even_their_own_request()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        var id = submitted.Action!.Id;

        Assert.Equal(ActionOutcomeKind.Forbidden, (await _actions.Decisions.ApproveAsync(id, Alice, "ok", Cancel)).Kind);
        Assert.Equal(ActionOutcomeKind.Forbidden, (await _actions.Decisions.ApproveAsync(id, Bob, "ok", Cancel)).Kind);
        Assert.Equal(ActionOutcomeKind.Forbidden, (await _actions.Decisions.ApproveAsync("act_does_not_exist", Bob, "ok", Cancel)).Kind);
        Assert.Equal(0m, await AliceRefundedAsync());
        Assert.Equal(2, (await _actions.Audit.ListAsync(new AuditQuery(ActionId: id, Event: AuditEvent.PermissionDenied), Cancel)).Count);
    }

    [Fact]
    public async Task Staff_cannot_approve_their_own_request()
    {
        // Staff cannot request tools at all, so an action recorded as theirs can only come from the store; the check
        // must still hold.
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        var impostor = new Actor("alice", ActorRole.Agent);

        var outcome = await _actions.Decisions.ApproveAsync(submitted.Action!.Id, impostor, "looks fine", Cancel);

        Assert.Equal(ActionOutcomeKind.Forbidden, outcome.Kind);
        Assert.Equal(0m, await AliceRefundedAsync());
    }

    [Fact]
    public async Task An_agent_cannot_approve_an_admin_policy_refund_and_an_admin_can()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, LargeRefund);
        var id = submitted.Action!.Id;
        Assert.Equal(ConfirmationPolicy.Admin, submitted.Action.Policy);

        var byAgent = await _actions.Decisions.ApproveAsync(id, Sam, "fine", Cancel);
        Assert.Equal(ActionOutcomeKind.Forbidden, byAgent.Kind);
        var denied = Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(ActionId: id, Event: AuditEvent.PermissionDenied), Cancel));
        Assert.Equal(("sam", ActorRole.Agent), (denied.Actor, denied.Role));
        Assert.Equal(0m, await AliceRefundedAsync());

        var byAdmin = await _actions.Decisions.ApproveAsync(id, Ada, "Annual charge within 30 days of a seat reduction.", Cancel);
        Assert.Equal(ActionStatus.Executed, byAdmin.Action!.Status);
        Assert.Equal(150m, await AliceRefundedAsync());
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_then_records_it()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        var id = submitted.Action!.Id;

        Assert.Equal(ActionOutcomeKind.Invalid, (await _actions.Decisions.RejectAsync(id, Sam, " ", Cancel)).Kind);
        var rejected = await _actions.Decisions.RejectAsync(id, Sam, "Outside the 30-day window.", Cancel);

        Assert.Equal((ActionStatus.Rejected, "Outside the 30-day window.", "sam"), (rejected.Action!.Status, rejected.Action.DecisionReason, rejected.Action.DecidedBy));
        Assert.Equal(ActionOutcomeKind.Conflict, (await _actions.Decisions.ApproveAsync(id, Ann, "changed my mind", Cancel)).Kind);
        Assert.Equal(0m, await AliceRefundedAsync());
        Assert.Equal([AuditEvent.Proposed, AuditEvent.Confirmed, AuditEvent.Rejected], await _actions.EventsAsync(id));
    }

    [Fact]
    public async Task The_requester_can_cancel_a_waiting_request_and_then_it_cannot_be_approved()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        var id = submitted.Action!.Id;

        Assert.Equal(ActionOutcomeKind.NotFound, (await _actions.Decisions.CancelAsync(id, Bob, cancellationToken: Cancel)).Kind);
        var cancelled = await _actions.Decisions.CancelAsync(id, Alice, "Sorted it out myself", Cancel);

        Assert.Equal(ActionStatus.Cancelled, cancelled.Action!.Status);
        Assert.Equal(ActionOutcomeKind.Conflict, (await _actions.Decisions.ApproveAsync(id, Sam, "ok", Cancel)).Kind);
        Assert.Equal(ActionOutcomeKind.Conflict, (await _actions.Decisions.CancelAsync(id, Alice, cancellationToken: Cancel)).Kind);
    }

    [Fact]
    public async Task Proposing_the_same_request_again_returns_the_waiting_one()
    {
        var first = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        // Same arguments in another order and spelling of the number are the same request.
        var again = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, """{"amount":50,"invoice":"INV-2026-0142"}""");

        Assert.True(again.Existing);
        Assert.False(first.Existing);
        Assert.Equal(first.Action!.Id, again.Action!.Id);
        Assert.Single(await _actions.Reader.ListAsync(Alice, ActionStatus.Waiting.ToList(), cancellationToken: Cancel));
    }

    [Fact]
    public async Task More_than_MaxWaitingPerUser_waiting_requests_are_refused()
    {
        using var actions = new TestActions(new Dictionary<string, string?> { ["Assistant:Actions:MaxWaitingPerUser"] = "2" });
        await actions.ProposeAsync(Alice, ToolNames.RequestRefund, SmallRefund);
        await actions.ProposeAsync(Alice, ToolNames.ChangePlan, """{"plan":"Business"}""");

        var third = await actions.ProposeAsync(Alice, ToolNames.ResetTwoFactor);

        Assert.Equal(ActionOutcomeKind.Refused, third.Kind);
        Assert.Equal("You have 2 requests waiting, the most allowed at once. Confirm or cancel some of them first.", third.Message);
        Assert.True((await actions.ProposeAsync(Bob, ToolNames.ResetTwoFactor)).Succeeded);
    }

    [Fact]
    public async Task Read_only_tools_run_at_once_with_proposed_and_executed_audit_rows()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.LookUpOrders);

        Assert.Equal(ActionStatus.Executed, outcome.Action!.Status);
        var entries = await _actions.Audit.ListAsync(new AuditQuery(ActionId: outcome.Action.Id), Cancel);
        Assert.Equal([AuditEvent.Executed, AuditEvent.Proposed], entries.Select(e => e.Event));
        Assert.All(entries, entry => Assert.Equal(("alice", outcome.Action.ArgumentsHash), (entry.Actor, entry.ArgumentsHash)));
    }

    [Fact]
    public async Task An_unknown_tool_is_invalid_and_audited_as_denied()
    {
        var outcome = await _actions.ProposeAsync(Alice, "delete_account");

        Assert.Equal(ActionOutcomeKind.Invalid, outcome.Kind);
        var entry = Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(Actor: "alice"), Cancel));
        Assert.Equal((AuditEvent.Denied, "delete_account", "refused"), (entry.Event, entry.Tool, entry.Outcome));
    }

    public void Dispose() => _actions.Dispose();
}
