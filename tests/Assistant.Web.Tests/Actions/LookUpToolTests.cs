using System.Net;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class LookUpToolTests
{
    [Fact]
    public async Task Look_ups_run_at_once_and_return_the_callers_records()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (subscriptionStatus, subscription) = await ProposeAsync(alice, "look_up_subscription");
        var (invoiceStatus, invoice) = await ProposeAsync(alice, "look_up_invoice", new { invoice = "INV-2026-0142" });
        var (ordersStatus, orders) = await ProposeAsync(alice, "look_up_orders");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created], [subscriptionStatus, invoiceStatus, ordersStatus]);
        Assert.All([subscription, invoice, orders], action => Assert.Equal("executed", Status(action)));
        Assert.Equal(("Team", "8"), (Detail(subscription, "Plan"), Detail(subscription, "Seats")));
        Assert.Equal(("$1,440.00", "paid"), (Detail(invoice, "Amount"), Detail(invoice, "Status")));
        Assert.NotEmpty(orders.GetProperty("result").GetProperty("summary").GetString()!);
    }

    [Fact]
    public async Task A_customer_cannot_look_up_another_customers_invoice()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");

        var (asAlice, problem) = await ProposeAsync(alice, "look_up_invoice", new { invoice = "INV-2026-0455" });
        var (asBob, own) = await ProposeAsync(bob, "look_up_invoice", new { invoice = "INV-2026-0455" });

        Assert.Equal(HttpStatusCode.NotFound, asAlice);
        Assert.DoesNotContain("$18", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, asBob);
        Assert.Equal("$18.00", Detail(own, "Amount"));
    }

    [Fact]
    public async Task Tools_list_every_declaration_with_its_schema()
    {
        await using var factory = new AssistantWebFactory();
        using var bob = await factory.CreateIngestedClientAsync("bob");

        var (status, tools) = await GetAsync(bob, "/api/tools");

        Assert.Equal(HttpStatusCode.OK, status);
        var byName = tools.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["change_plan", "look_up_invoice", "look_up_orders", "look_up_subscription", "open_ticket", "request_refund", "reset_two_factor"], byName.Keys.Order());
        var refund = byName["request_refund"];
        Assert.Equal(("High", "Agent", "user"), (refund.GetProperty("risk").GetString(), refund.GetProperty("policy").GetString(), refund.GetProperty("requiredRole").GetString()));
        Assert.True(refund.GetProperty("schema").GetProperty("properties").TryGetProperty("invoice", out _));
        Assert.Equal("ExactlyOncePerAction", refund.GetProperty("idempotency").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, byName["reset_two_factor"].GetProperty("approvalNote").ValueKind);
        Assert.All(byName.Values, t => Assert.NotEmpty(t.GetProperty("limits").EnumerateArray()));
    }
}
