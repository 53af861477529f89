using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class DurabilityTests : IDisposable
{
    private const string Refund = """{"invoice":"INV-2026-0142","amount":120}""";

    private readonly TestActions _actions = new();

    [Fact]
    public async Task A_request_awaiting_approval_survives_a_restart_and_is_approved_by_the_new_services()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, Refund);
        var before = _actions.Decisions;

        _actions.Restart();

        Assert.NotSame(before, _actions.Decisions);
        var waiting = await _actions.Reader.ListAsync(Sam, [ActionStatus.AwaitingApproval], everyone: true, cancellationToken: Cancel);
        Assert.Equal(submitted.Action!.Id, Assert.Single(waiting).Id);
        var approved = await _actions.Decisions.ApproveAsync(submitted.Action.Id, Sam, "ok", Cancel);
        Assert.Equal(ActionStatus.Executed, approved.Action!.Status);
        Assert.Equal(120m, (await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
    }

    [Fact]
    public async Task An_unconfirmed_request_expires_after_ConfirmWithinMinutes_with_an_audit_row()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, Refund);

        _actions.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await _actions.Expiry.ExpireDueAsync(Cancel));
        _actions.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _actions.Expiry.ExpireDueAsync(Cancel));

        Assert.Equal(ActionStatus.Expired, (await _actions.Reader.GetAsync(proposed.Action!.Id, Alice, Cancel))!.Status);
        var expired = Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(ActionId: proposed.Action.Id, Event: AuditEvent.Expired), Cancel));
        Assert.Equal(ActorRole.System, expired.Actor);
        Assert.Equal(ActionOutcomeKind.Conflict, (await _actions.Decisions.ConfirmAsync(proposed.Action.Id, Alice, Cancel)).Kind);
    }

    [Fact]
    public async Task Approving_an_expired_request_the_sweeper_has_not_reached_is_a_conflict_and_expires_it()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, Refund);
        _actions.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        var outcome = await _actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "ok", Cancel);

        Assert.Equal(ActionOutcomeKind.Conflict, outcome.Kind);
        Assert.Equal(ActionStatus.Expired, outcome.Action!.Status);
        Assert.Equal(0m, (await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
        Assert.Equal(0, await _actions.Expiry.ExpireDueAsync(Cancel));
        Assert.Equal([AuditEvent.Proposed, AuditEvent.Confirmed, AuditEvent.Expired], await _actions.EventsAsync(submitted.Action.Id));
    }

    [Fact]
    public async Task Every_transition_is_stored_with_actor_role_time_and_reason()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, Refund);
        _actions.Clock.Advance(TimeSpan.FromMinutes(5));
        await _actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "Within the window.", Cancel);

        var history = (await _actions.Reader.HistoryAsync(submitted.Action.Id, Cancel))
            .Select(t => (t.From, t.To, t.Actor, t.Role, t.Reason)).ToList();

        Assert.Equal(
            [
                (ActionStatus.AwaitingUser, ActionStatus.AwaitingApproval, "alice", ActorRole.User, "submitted for review"),
                (ActionStatus.AwaitingApproval, ActionStatus.Approved, "sam", ActorRole.Agent, "Within the window."),
                (ActionStatus.Approved, ActionStatus.Executing, "sam", ActorRole.Agent, null),
                (ActionStatus.Executing, ActionStatus.Executed, "sam", ActorRole.Agent, null),
            ],
            history.Where(t => t.From != t.To).SkipWhile(t => t.From != ActionStatus.AwaitingUser).ToList());
        // Times come from the app's clock (the test's), not the machine's: the proposal five minutes before the approval.
        var approvedAt = _actions.Clock.GetUtcNow();
        var times = (await _actions.Reader.HistoryAsync(submitted.Action.Id, Cancel)).Select(t => t.At).ToList();
        Assert.Equal([approvedAt.AddMinutes(-5), approvedAt.AddMinutes(-5), approvedAt, approvedAt, approvedAt], times);
        var audited = await _actions.Audit.ListAsync(new Assistant.Core.Audit.AuditQuery(ActionId: submitted.Action.Id), Cancel);
        Assert.Equal([approvedAt, approvedAt, approvedAt.AddMinutes(-5), approvedAt.AddMinutes(-5)], audited.Select(entry => entry.At));
    }

    public void Dispose() => _actions.Dispose();
}
