using System.Text.Json;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class ActionFlowTests : IDisposable
{
    private readonly TestActions _actions = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task A_refund_is_confirmed_by_the_user_approved_by_an_agent_and_executed_once()
    {
        var proposed = await _actions.Proposals.ProposeAsync(Alice, ToolNames.RequestRefund,
            Json($$"""{"invoice":"{{BackofficeSeed.AliceAnnualInvoice}}","amount":120}"""), new ActionOrigin(Source: "test"), Cancel);
        Assert.True(proposed.Succeeded, proposed.Message);
        Assert.Equal(ActionStatus.AwaitingUser, proposed.Action!.Status);
        Assert.Equal(ConfirmationPolicy.Agent, proposed.Action.Policy);
        Assert.Contains(proposed.Action.Preview.Changes, change => change.Label == "Refunded" && change.Before == "$0.00" && change.After == "$120.00");

        var submitted = await _actions.Decisions.ConfirmAsync(proposed.Action.Id, Alice, Cancel);
        Assert.Equal(ActionStatus.AwaitingApproval, submitted.Action!.Status);

        var approved = await _actions.Decisions.ApproveAsync(proposed.Action.Id, Sam, "Within the 30-day window.", Cancel);
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(ActionStatus.Executed, approved.Action!.Status);

        var invoice = await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.AliceCustomerId, BackofficeSeed.AliceAnnualInvoice, Cancel);
        Assert.Equal(120.00m, invoice!.RefundedAmount);
        var events = (await _actions.Audit.ListAsync(new AuditQuery(ActionId: proposed.Action.Id), Cancel)).Select(e => e.Event).Reverse().ToList();
        Assert.Equal([AuditEvent.Proposed, AuditEvent.Confirmed, AuditEvent.Approved, AuditEvent.Executed], events);
    }

    public void Dispose() => _actions.Dispose();
}
