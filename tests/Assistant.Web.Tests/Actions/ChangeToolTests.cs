using System.Net;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class ChangeToolTests
{
    [Fact]
    public async Task Opening_a_ticket_waits_for_the_user_and_runs_on_confirm()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (status, proposed) = await ProposeAsync(alice, "open_ticket", new { subject = "Export fails", body = "The CSV export stops at 80%." });
        var (confirmStatus, executed) = await PostAsync(alice, $"/api/actions/{Id(proposed)}/confirm");

        Assert.Equal((HttpStatusCode.Created, "awaiting-user", "User"), (status, Status(proposed), proposed.GetProperty("policy").GetString()));
        Assert.Equal((HttpStatusCode.OK, "executed"), (confirmStatus, Status(executed)));
        Assert.StartsWith("ticket", Detail(executed, "Ticket"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_plan_previews_the_price_difference_and_date_then_changes_the_subscription()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (status, proposed) = await ProposeAsync(alice, "change_plan", new { plan = "Business" });
        var changes = proposed.GetProperty("preview").GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("label").GetString()!, c => c.GetProperty("after").GetString()!);
        var (confirmStatus, executed) = await PostAsync(alice, $"/api/actions/{Id(proposed)}/confirm");
        var (_, subscription) = await ProposeAsync(alice, "look_up_subscription");

        Assert.Equal((HttpStatusCode.Created, "awaiting-user"), (status, Status(proposed)));
        Assert.Equal("Business", changes["Plan"]);
        Assert.Contains("(+", changes["Total for 8 seats"], StringComparison.Ordinal);
        Assert.StartsWith("Now", changes["Takes effect"], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "executed"), (confirmStatus, Status(executed)));
        Assert.Equal("Business", Detail(subscription, "Plan"));
    }

    [Fact]
    public async Task A_cancelled_action_cannot_be_confirmed()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var (_, proposed) = await ProposeAsync(alice, "change_plan", new { plan = "Business" });

        var (cancelStatus, cancelled) = await PostAsync(alice, $"/api/actions/{Id(proposed)}/cancel", new { reason = "Changed my mind." });
        var (confirmStatus, problem) = await PostAsync(alice, $"/api/actions/{Id(proposed)}/confirm");
        var (_, subscription) = await ProposeAsync(alice, "look_up_subscription");

        Assert.Equal((HttpStatusCode.OK, "cancelled"), (cancelStatus, Status(cancelled)));
        Assert.Equal(HttpStatusCode.Conflict, confirmStatus);
        Assert.Equal("cancelled", Status(problem.GetProperty("action")));
        Assert.Equal("Team", Detail(subscription, "Plan"));
    }

    [Fact]
    public async Task The_same_request_while_one_is_waiting_returns_the_waiting_one()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (first, created) = await ProposeAsync(alice, "change_plan", new { plan = "Business" });
        var (second, existing) = await ProposeAsync(alice, "change_plan", new { plan = "Business" });

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first, second));
        Assert.Equal(Id(created), Id(existing));
    }
}
