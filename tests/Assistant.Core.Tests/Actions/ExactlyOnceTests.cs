using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ExactlyOnceTests : IDisposable
{
    private readonly TestActions _actions = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Eight_simultaneous_approvals_execute_the_refund_once(bool sameApprover)
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":120}""");
        var id = submitted.Action!.Id;
        var approvers = Enumerable.Range(0, 8).Select(i => sameApprover ? Sam : new Actor($"agent{i}", i % 2 == 0 ? ActorRole.Agent : ActorRole.Admin));

        var outcomes = await Task.WhenAll(approvers.Select(approver => Task.Run(() => _actions.Decisions.ApproveAsync(id, approver, "Duplicate seats billed.", Cancel), Cancel)));

        var executed = Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.Equal(ActionStatus.Executed, executed.Action!.Status);
        Assert.All(outcomes.Where(outcome => !outcome.Succeeded), outcome => Assert.Equal(ActionOutcomeKind.Conflict, outcome.Kind));
        var invoice = await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel);
        Assert.Equal(120m, invoice!.RefundedAmount);
        Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(ActionId: id, Event: AuditEvent.Executed), Cancel));
        Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(ActionId: id, Event: AuditEvent.Approved), Cancel));
    }

    [Fact]
    public async Task A_double_click_on_confirm_opens_one_ticket()
    {
        var proposed = await _actions.ProposeAsync(Alice, ToolNames.OpenTicket, """{"subject":"Export fails","body":"The CSV export stops at 10%."}""");
        var id = proposed.Action!.Id;

        var outcomes = await Task.WhenAll(Task.Run(() => _actions.Decisions.ConfirmAsync(id, Alice, Cancel), Cancel), Task.Run(() => _actions.Decisions.ConfirmAsync(id, Alice, Cancel), Cancel));

        Assert.Single(outcomes, outcome => outcome.Succeeded);
        Assert.Single(await _actions.Backoffice.ListTicketsAsync(BackofficeSeed.AliceCustomerId, Cancel));
        Assert.Single(await _actions.Audit.ListAsync(new AuditQuery(ActionId: id, Event: AuditEvent.Executed), Cancel));
        Assert.Equal(ActionOutcomeKind.Conflict, (await _actions.Decisions.ConfirmAsync(id, Alice, Cancel)).Kind);
    }

    public void Dispose() => _actions.Dispose();
}
