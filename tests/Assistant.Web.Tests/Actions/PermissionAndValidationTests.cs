using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class PermissionAndValidationTests
{
    [Fact]
    public async Task Bad_arguments_are_400_with_an_error_per_field()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");

        var (unknown, unknownProblem) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2026-0142", refundEverything = true });
        var (wrongType, wrongTypeProblem) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2026-0142", amount = "lots" });
        var (badFormat, badFormatProblem) = await ProposeAsync(alice, "look_up_invoice", new { invoice = "0142" });
        var (noTool, noToolProblem) = await ProposeAsync(alice, "delete_account");
        var (badJson, badJsonProblem) = await SendAsync(alice.PostAsync("/api/actions", new StringContent("{\"tool\": ", System.Text.Encoding.UTF8, "application/json"), Cancel));

        Assert.Equal([HttpStatusCode.BadRequest], new[] { unknown, wrongType, badFormat, noTool, badJson }.Distinct());
        Assert.Equal(["refundEverything"], ErrorFields(unknownProblem));
        Assert.Equal(["amount"], ErrorFields(wrongTypeProblem));
        Assert.Equal(["invoice"], ErrorFields(badFormatProblem));
        Assert.Equal(["tool"], ErrorFields(noToolProblem));
        Assert.Equal(["body"], ErrorFields(badJsonProblem));
        Assert.Empty((await GetAsync(alice, "/api/actions")).Body.EnumerateArray());
    }

    [Fact]
    public async Task Staff_cannot_propose_and_users_cannot_approve()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388" });

        var (samProposes, _) = await ProposeAsync(sam, "look_up_subscription");
        var (aliceApproves, _) = await PostAsync(alice, $"/api/actions/{Id(confirmed)}/approve");
        var (bobApproves, _) = await PostAsync(bob, $"/api/actions/{Id(confirmed)}/approve");
        var (bobRejects, _) = await PostAsync(bob, $"/api/actions/{Id(confirmed)}/reject", new { reason = "No." });

        Assert.Equal(HttpStatusCode.Forbidden, samProposes);
        Assert.Equal(HttpStatusCode.Forbidden, aliceApproves);
        Assert.Equal(HttpStatusCode.Forbidden, bobApproves);
        Assert.Equal(HttpStatusCode.Forbidden, bobRejects);
        Assert.Equal("awaiting-approval", Status((await GetAsync(alice, $"/api/actions/{Id(confirmed)}")).Body.GetProperty("action")));
        // Each refused decision is on the record, not only turned away at the door.
        var audit = factory.Services.GetRequiredService<Assistant.Core.Audit.IAuditLog>();
        var denied = await audit.ListAsync(new Assistant.Core.Audit.AuditQuery(ActionId: Id(confirmed), Event: "permission-denied"), TestContext.Current.CancellationToken);
        Assert.Equal(["alice", "bob", "bob"], denied.Select(entry => entry.Actor).Order());
    }

    [Fact]
    public async Task Other_customers_cannot_see_confirm_or_cancel_an_action()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var (_, proposed) = await ProposeAsync(alice, "change_plan", new { plan = "Business" });

        var (bobConfirms, _) = await PostAsync(bob, $"/api/actions/{Id(proposed)}/confirm");
        var (bobCancels, _) = await PostAsync(bob, $"/api/actions/{Id(proposed)}/cancel");
        var (bobReads, _) = await GetAsync(bob, $"/api/actions/{Id(proposed)}");
        var (samReads, _) = await GetAsync(sam, $"/api/actions/{Id(proposed)}");
        var (samConfirms, _) = await PostAsync(sam, $"/api/actions/{Id(proposed)}/confirm");
        var (bobLists, bobActions) = await GetAsync(bob, "/api/actions");
        var (bobListsAll, _) = await GetAsync(bob, "/api/actions?scope=all");

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], [bobConfirms, bobCancels, bobReads]);
        Assert.Equal(HttpStatusCode.OK, samReads);
        Assert.Equal(HttpStatusCode.Forbidden, samConfirms);
        Assert.Equal(HttpStatusCode.OK, bobLists);
        Assert.Empty(bobActions.EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, bobListsAll);
    }

    [Fact]
    public async Task Lists_filter_by_status_tool_risk_and_conversation()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var created = await alice.PostAsync("/api/conversations", null, Cancel);
        var conversationId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetString()!;
        await ProposeAsync(alice, "look_up_subscription");
        var (_, plan) = await ProposeAsync(alice, "change_plan", new { plan = "Business" }, conversationId);

        var (_, waiting) = await GetAsync(alice, "/api/actions?status=awaiting-user,awaiting-approval");
        var (_, lookUps) = await GetAsync(alice, "/api/actions?tool=look_up_subscription");
        var (_, medium) = await GetAsync(alice, "/api/actions?risk=medium");
        var (_, inConversation) = await GetAsync(alice, $"/api/actions?conversationId={conversationId}");
        var (badStatus, _) = await GetAsync(alice, "/api/actions?status=done");
        var (badRisk, _) = await GetAsync(alice, "/api/actions?risk=extreme");
        var (notHers, _) = await ProposeAsync(await factory.CreateIngestedClientAsync("bob"), "look_up_orders", conversationId: conversationId);

        Assert.Equal([Id(plan)], waiting.EnumerateArray().Select(Id));
        Assert.Equal(["look_up_subscription"], lookUps.EnumerateArray().Select(a => a.GetProperty("tool").GetString()));
        Assert.Equal([Id(plan)], medium.EnumerateArray().Select(Id));
        Assert.Equal([Id(plan)], inConversation.EnumerateArray().Select(Id));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (badStatus, badRisk));
        Assert.Equal(HttpStatusCode.NotFound, notHers);
    }
}
