using System.Net;
using System.Net.Http.Json;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class ConversationActionTests
{
    [Fact]
    public async Task Asking_for_a_refund_of_an_invoice_proposes_it_for_the_user_to_confirm()
    {
        await using var factory = new AssistantWebFactory();
        using var bob = await factory.CreateIngestedClientAsync("bob");
        var conversationId = await PromptInjectionTests.StartConversationAsync(bob);

        var (status, turn) = await SendAsync(bob.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = "Please refund INV-2026-0455" }, Cancel));
        var action = turn.GetProperty("action");
        var (_, listed) = await GetAsync(bob, $"/api/actions?conversationId={conversationId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("request_refund", "awaiting-user", conversationId), (action.GetProperty("tool").GetString(), Status(action), action.GetProperty("conversationId").GetString()));
        Assert.Equal([Id(action)], listed.EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task Asking_for_a_refund_without_an_invoice_asks_which_one()
    {
        await using var factory = new AssistantWebFactory();
        using var bob = await factory.CreateIngestedClientAsync("bob");
        var conversationId = await PromptInjectionTests.StartConversationAsync(bob);

        var (status, turn) = await SendAsync(bob.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = "I want a refund" }, Cancel));
        var prompt = turn.GetProperty("actionPrompt");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("request_refund", "needs-input"), (prompt.GetProperty("tool").GetString(), prompt.GetProperty("kind").GetString()));
        Assert.Contains("invoice", prompt.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        Assert.Empty((await GetAsync(bob, "/api/actions")).Body.EnumerateArray());
    }
}
