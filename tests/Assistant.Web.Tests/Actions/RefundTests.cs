using System.Net;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class RefundTests
{
    [Fact]
    public async Task A_refund_is_confirmed_approved_by_an_agent_and_executed_once()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");

        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388", amount = 60, reason = "Unused seats." });
        var (queueStatus, queue) = await GetAsync(sam, "/api/actions?scope=all&status=awaiting-approval");
        var (approveStatus, executed) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Within the 30-day window." });
        var (againStatus, _) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve");
        var (detailStatus, details) = await GetAsync(alice, $"/api/actions/{Id(confirmed)}");

        Assert.Equal("awaiting-approval", Status(confirmed));
        Assert.Equal(HttpStatusCode.OK, queueStatus);
        Assert.Contains(queue.EnumerateArray(), a => Id(a) == Id(confirmed));
        Assert.Equal((HttpStatusCode.OK, "executed"), (approveStatus, Status(executed)));
        Assert.Equal(HttpStatusCode.Conflict, againStatus);
        Assert.Equal(("partially-refunded", "$60.00"), await InvoiceAsync(alice, "INV-2025-0388"));
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Equal(["awaiting-user", "awaiting-approval", "approved", "executing", "executed"],
            details.GetProperty("history").EnumerateArray().Select(t => t.GetProperty("to").GetString()!).Prepend("awaiting-user").Distinct());
    }

    [Fact]
    public async Task A_refund_over_the_limit_needs_an_admin()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2026-0142", amount = 1440 });
        var (samStatus, _) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve");
        var unchanged = await InvoiceAsync(alice, "INV-2026-0142");
        var (adaStatus, executed) = await PostAsync(ada, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Exception to the 30-day window: billing error on our side." });

        Assert.Equal("Admin", confirmed.GetProperty("policy").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, samStatus);
        Assert.Equal(("paid", "$0.00"), unchanged);
        Assert.Equal((HttpStatusCode.OK, "executed"), (adaStatus, Status(executed)));
        Assert.Equal(("refunded", "$1,440.00"), await InvoiceAsync(alice, "INV-2026-0142"));
    }

    [Fact]
    public async Task Refunds_of_more_than_is_left_or_of_an_open_invoice_are_refused()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (tooMuch, tooMuchProblem) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2025-0388", amount = 500 });
        var (open, openProblem) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2026-0471" });
        var (notHers, _) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2026-0455" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch);
        Assert.Contains("$180.00", tooMuchProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, open);
        Assert.Contains("open", openProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, notHers);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_and_stops_the_refund()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388" });

        var (withoutReason, problem) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/reject", new { });
        var (withReason, rejected) = await PostAsync(sam, $"/api/actions/{Id(confirmed)}/reject", new { reason = "Outside the refund window." });

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason);
        Assert.Contains("reason", ErrorFields(problem));
        Assert.Equal((HttpStatusCode.OK, "rejected", "Outside the refund window."), (withReason, Status(rejected), rejected.GetProperty("decisionReason").GetString()));
        Assert.Equal(("paid", "$0.00"), await InvoiceAsync(alice, "INV-2025-0388"));
    }
}
