using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Backoffice;
using Assistant.Core.Tests.Support;
using Xunit;
using static Assistant.Core.Tests.Actions.ActionTestExtensions;
using static Assistant.Core.Tests.Support.TestActions;

namespace Assistant.Core.Tests.Actions;

public sealed class RequestRefundToolTests : IDisposable
{
    private readonly TestActions _actions = new(new Dictionary<string, string?> { ["Assistant:Actions:RefundAdminApprovalAbove"] = "100" });

    [Fact]
    public async Task A_refund_up_to_the_threshold_needs_an_agent()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":100}""");

        Assert.Equal(ConfirmationPolicy.Agent, outcome.Action!.Policy);
        Assert.Equal("Refunds need a support agent's approval.", outcome.Action.Preview.PolicyReason);
        Assert.Equal("partially-refunded", outcome.Action.Detail("Invoice status"));
    }

    [Fact]
    public async Task A_refund_above_the_threshold_needs_an_admin()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":100.01}""");

        Assert.Equal(ConfirmationPolicy.Admin, outcome.Action!.Policy);
        Assert.Equal("Refunds above $100.00 need an admin's approval.", outcome.Action.Preview.PolicyReason);
    }

    [Fact]
    public async Task Without_an_amount_everything_left_is_refunded()
    {
        var outcome = await _actions.ProposeAsync(Bob, ToolNames.RequestRefund, """{"invoice":"INV-2026-0455"}""");

        Assert.Equal("Refund $18.00 of invoice INV-2026-0455.", outcome.Action!.Preview.Summary);
        Assert.Equal("refunded", outcome.Action.Detail("Invoice status"));
    }

    [Fact]
    public async Task More_than_is_left_is_refused()
    {
        var outcome = await _actions.ProposeAsync(Bob, ToolNames.RequestRefund, """{"invoice":"INV-2026-0455","amount":18.01}""");

        Assert.Equal(ActionOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("At most $18.00 of invoice INV-2026-0455 can be refunded; $18.01 is more than that.", outcome.Message);
    }

    [Fact]
    public async Task An_open_invoice_is_refused()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, $$"""{"invoice":"{{BackofficeSeed.AliceOpenInvoice}}"}""");

        Assert.Equal(ActionOutcomeKind.Refused, outcome.Kind);
        Assert.Equal("Invoice INV-2026-0471 is open, not paid, so there is nothing to refund.", outcome.Message);
    }

    [Fact]
    public async Task Another_customers_invoice_is_not_found()
    {
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0455"}""");

        Assert.Equal(ActionOutcomeKind.NotFound, outcome.Kind);
    }

    [Fact]
    public async Task Approved_refund_updates_the_invoice()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Bob, ToolNames.RequestRefund, """{"invoice":"INV-2026-0455","amount":9}""");
        var approved = await _actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "Charged twice.", Cancel);

        Assert.Equal(ActionStatus.Executed, approved.Action!.Status);
        var invoice = await _actions.Backoffice.GetInvoiceAsync(BackofficeSeed.BobCustomerId, BackofficeSeed.BobLatestInvoice, Cancel);
        Assert.Equal((9.00m, Invoice.PartiallyRefunded), (invoice!.RefundedAmount, invoice.Status));
    }

    [Fact]
    public async Task Approving_a_refund_against_the_policy_needs_a_reason_that_says_why()
    {
        var submitted = await _actions.ProposeAndConfirmAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":50}""");

        var withoutReason = await _actions.Decisions.ApproveAsync(submitted.Action!.Id, Sam, "  ", Cancel);
        var withReason = await _actions.Decisions.ApproveAsync(submitted.Action.Id, Sam, "Goodwill exception: the customer was double-billed.", Cancel);

        Assert.Equal(ActionOutcomeKind.Invalid, withoutReason.Kind);
        Assert.Contains("Outside the refund policy", Assert.Single(withoutReason.Errors!["reason"]), StringComparison.Ordinal);
        Assert.Equal(ActionStatus.Executed, withReason.Action!.Status);
    }

    public void Dispose() => _actions.Dispose();

    [Fact]
    public async Task A_refund_outside_the_policy_window_carries_a_policy_conflict_in_its_preview()
    {
        // Alice's annual renewal was charged eight months ago; the policy refunds annual charges within 30 days.
        var outcome = await _actions.ProposeAsync(Alice, ToolNames.RequestRefund, """{"invoice":"INV-2026-0142","amount":50}""");

        Assert.Contains("Outside the refund policy", outcome.Action!.Preview.Conflict, StringComparison.Ordinal);
        Assert.Contains("30 days of an annual charge", outcome.Action.Preview.Conflict, StringComparison.Ordinal);
    }
}
