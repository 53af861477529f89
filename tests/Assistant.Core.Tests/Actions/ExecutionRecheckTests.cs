using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ExecutionRecheckTests
{
    [Fact]
    public async Task A_refund_that_no_longer_fits_what_is_left_fails_at_approval_and_refunds_nothing()
    {
        using var actions = new TestActions();
        var submitted = await actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":400}""");
        // Meanwhile finance refunds most of the invoice by hand.
        await actions.Backoffice.RefundAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, 1_200m, Cancel);

        var outcome = await actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "ok", Cancel);

        Assert.Equal(ActionStatus.Failed, outcome.Action!.Status);
        Assert.Equal(1_200m, (await actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
        var denied = Assert.Single(await actions.Audit.ListAsync(new AuditQuery(ActionId: submitted.Action.Id, Event: AuditEvent.Denied), Cancel));
        Assert.Equal("At most $240.00 of invoice INV-2026-0142 can be refunded; $400.00 is more than that.", denied.Detail);
        Assert.Empty(await actions.Audit.ListAsync(new AuditQuery(ActionId: submitted.Action.Id, Event: AuditEvent.Executed), Cancel));
    }

    [Fact]
    public async Task A_lowered_admin_threshold_stops_an_agent_approval_at_execution()
    {
        using var actions = new TestActions(new Dictionary<string, string?> { ["Assistant:Actions:RefundAdminApprovalAbove"] = "500" });
        var submitted = await actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":300}""");
        Assert.Equal(ConfirmationPolicy.Agent, submitted.Action!.Policy);

        actions.Restart(new Dictionary<string, string?> { ["Assistant:Actions:RefundAdminApprovalAbove"] = "100" });
        var outcome = await actions.Decisions.ApproveAsync(submitted.Action.Id, Sam, "ok", Cancel);

        Assert.Equal(ActionStatus.Failed, outcome.Action!.Status);
        Assert.Equal(0m, (await actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel))!.RefundedAmount);
        var denied = Assert.Single(await actions.Audit.ListAsync(new AuditQuery(ActionId: submitted.Action.Id, Event: AuditEvent.PermissionDenied), Cancel));
        Assert.Equal("Policy Admin is not satisfied by sam (agent).", denied.Detail);
    }
}
