using System.Net;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class ConcurrencyAndRestartTests
{
    [Fact]
    public async Task Two_approvals_at_the_same_moment_refund_once()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388" });

        var decisions = await Task.WhenAll(
            PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Fine." }),
            PostAsync(ada, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Fine." }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Select(d => d.Status).Order());
        // The loser sees the action as it was at that moment: the winner may still be running it.
        Assert.Contains(Status(decisions.Single(d => d.Status == HttpStatusCode.Conflict).Body.GetProperty("action")), new[] { "approved", "executing", "executed" });
        Assert.Equal("executed", Status((await GetAsync(alice, $"/api/actions/{Id(confirmed)}")).Body.GetProperty("action")));
        Assert.Equal(("refunded", "$180.00"), await InvoiceAsync(alice, "INV-2025-0388"));
        Assert.Single(await AuditAsync(ada, $"?event=executed&actionId={Id(confirmed)}"));
    }

    [Fact]
    public async Task A_pending_action_survives_a_restart_and_can_be_approved()
    {
        var data = Directory.CreateTempSubdirectory("assistant-actions-restart-").FullName;
        try
        {
            string id;
            await using (var first = new AssistantWebFactory(dataDirectory: data))
            {
                using var alice = await first.CreateIngestedClientAsync("alice");
                id = Id(await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388", amount = 90 }));
            }

            await using var second = new AssistantWebFactory(dataDirectory: data);
            using var sam = await second.CreateIngestedClientAsync("sam");
            using var aliceAgain = await second.CreateIngestedClientAsync("alice");
            var (_, queue) = await GetAsync(sam, "/api/actions?scope=all&status=awaiting-approval");
            var (approved, executed) = await PostAsync(sam, $"/api/actions/{id}/approve", new { reason = "Exception to the refund window: seats were never used." });

            Assert.Equal([id], queue.EnumerateArray().Select(Id));
            Assert.Equal((HttpStatusCode.OK, "executed"), (approved, Status(executed)));
            Assert.Equal(("partially-refunded", "$90.00"), await InvoiceAsync(aliceAgain, "INV-2025-0388"));
        }
        finally
        {
            AssistantWebFactory.DeleteTempDirectory(data);
        }
    }
}
