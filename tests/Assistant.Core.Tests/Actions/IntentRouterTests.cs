using Assistant.Core.Actions.Planning;
using Xunit;

namespace Assistant.Core.Tests.Actions;

public sealed class IntentRouterTests
{
    [Theory]
    [InlineData("Please refund $120 of invoice INV-2026-0142", ToolNames.RequestRefund)]
    [InlineData("Can I get my money back for INV-2026-0142?", ToolNames.RequestRefund)]
    [InlineData("Upgrade us from Team to Business", ToolNames.ChangePlan)]
    [InlineData("switch my plan to annual billing", ToolNames.ChangePlan)]
    [InlineData("I lost my phone, please reset my two-factor authentication", ToolNames.ResetTwoFactor)]
    [InlineData("open a ticket about the broken Slack sync", ToolNames.OpenTicket)]
    [InlineData("show me my invoices", ToolNames.LookUpInvoice)]
    [InlineData("what's on my subscription?", ToolNames.LookUpSubscription)]
    [InlineData("list our orders", ToolNames.LookUpOrders)]
    public void Recognises_what_the_user_wants_done(string message, string tool) =>
        Assert.Equal(tool, IntentRouter.Route(message)?.Tool);

    [Theory]
    [InlineData("How long do I have to request a full refund?")]
    [InlineData("What does the Business plan cost?")]
    [InlineData("How do I set up two-factor authentication?")]
    public void Questions_about_policies_are_not_actions(string message)
    {
        // These ask about how things work; the answer pipeline handles them. Only "refund" is ambiguous here, and
        // a refund proposal without an invoice number asks for it rather than acting.
        var call = IntentRouter.Route(message);
        Assert.True(call is null || !call.IsComplete, $"'{message}' was routed to {call?.Tool} with everything it needs");
    }

    [Fact]
    public void Reads_invoice_number_and_amount_for_a_refund()
    {
        var call = IntentRouter.Route("Please refund $1,200.50 of invoice inv-2026-0142")!;

        Assert.True(call.IsComplete);
        Assert.Equal("INV-2026-0142", call.Arguments["invoice"]);
        Assert.Equal(1200.50m, call.Arguments["amount"]);
    }

    [Fact]
    public void Asks_for_what_is_missing()
    {
        var call = IntentRouter.Route("I want a refund")!;

        Assert.Equal(["invoice"], call.Missing);
    }

    [Fact]
    public void The_target_plan_is_the_one_after_to()
    {
        var call = IntentRouter.Route("move us from Business to Team, billed annually")!;

        Assert.Equal(("Team", "annual"), (call.Arguments["plan"], call.Arguments["cycle"]));
    }

    [Theory]
    [InlineData("Please refund $79228162514264337593543950336 of invoice INV-2026-0142")]
    [InlineData("Please refund $1e29 of invoice INV-2026-0142")]
    [InlineData("refund 1e308 dollars of INV-2026-0142")]
    public void An_amount_it_cannot_represent_is_refused_not_rounded(string message)
    {
        var call = IntentRouter.Route(message)!;

        Assert.False(call.IsComplete);
        Assert.False(call.Arguments.ContainsKey("amount"), $"read as {call.Arguments.GetValueOrDefault("amount")}");
        Assert.Contains("is not an amount I can read", call.Rejected["amount"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Refund $-50 on INV-2026-0142")]
    [InlineData("Refund -$50 on INV-2026-0142")]
    [InlineData("refund -50 dollars of INV-2026-0142")]
    public void A_negative_amount_is_refused_not_dropped_into_a_full_refund(string message)
    {
        // Found by the red-team suite (aa-07): the minus sign kept the amount from being read, so the request went on
        // without one, which proposes refunding the whole invoice.
        var call = IntentRouter.Route(message)!;

        Assert.False(call.IsComplete);
        Assert.False(call.Arguments.ContainsKey("amount"));
        Assert.Contains("\"-50\" is not an amount I can read", call.Rejected["amount"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tell me what the refund exceptions article says about duplicate charges")]
    [InlineData("What does the refund policy say about annual plans?")]
    [InlineData("Explain what the two-factor article says about lost phones")]
    public void A_question_about_what_an_article_says_is_not_a_request(string message) =>
        Assert.Null(IntentRouter.Route(message));
}
