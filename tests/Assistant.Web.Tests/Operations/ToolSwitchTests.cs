using System.Net;
using Assistant.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;
using static Assistant.Web.Tests.Operations.OperationsApi;

namespace Assistant.Web.Tests.Operations;

/// <summary>Turning tools off: nothing of theirs is proposed, and a request already waiting is neither confirmed nor approved.</summary>
public sealed class ToolSwitchTests
{
    [Fact]
    public async Task A_turned_off_tool_is_refused_a_proposal_and_its_waiting_request_cannot_be_approved_until_it_is_back_on()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var waiting = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388", amount = 60, reason = "Unused seats." });

        await SetAsync(ada, new { disabledTools = new[] { "request_refund" } });

        var (approveStatus, refusal) = await PostAsync(sam, $"/api/actions/{Id(waiting)}/approve", new { reason = "Within the 30-day window." });
        var (proposeStatus, proposal) = await ProposeAsync(alice, "request_refund", new { invoice = "INV-2025-0388", amount = 10 });
        var (ticketStatus, _) = await ProposeAsync(alice, "open_ticket", new { subject = "Still works", body = "Other tools are on." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, approveStatus);
        Assert.Contains("'request_refund' is turned off by an administrator", refusal.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, proposeStatus);
        Assert.Contains("turned off", proposal.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, ticketStatus);
        var denied = await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Tool: "request_refund", Event: AuditEvent.Denied), TestContext.Current.CancellationToken);
        Assert.Equal(2, denied.Count);

        await SetAsync(ada, new { disabledTools = Array.Empty<string>() });
        var (approvedStatus, approved) = await PostAsync(sam, $"/api/actions/{Id(waiting)}/approve", new { reason = "Within the 30-day window." });
        Assert.Equal(HttpStatusCode.OK, approvedStatus);
        Assert.Equal("executed", Status(approved));
    }

    [Fact]
    public async Task All_tools_off_refuses_even_a_read_only_look_up_and_a_confirmation()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var (_, pending) = await ProposeAsync(alice, "open_ticket", new { subject = "Help", body = "Please." });

        await SetAsync(ada, new { allToolsOff = true });

        var (lookUp, _) = await ProposeAsync(alice, "look_up_invoice", new { invoice = "INV-2025-0388" });
        var (confirm, _) = await PostAsync(alice, $"/api/actions/{Id(pending)}/confirm");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (lookUp, confirm));
    }
}
