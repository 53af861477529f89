using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

/// <summary>How a chat turn that asks for an action is answered: with the request, never with a stray article answer.</summary>
public sealed class ActionRequestTurnTests
{
    private static async Task<JsonElement> SayAsync(HttpClient client, string conversationId, string content)
    {
        var (status, turn) = await SendAsync(client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content }, Cancel));
        Assert.Equal(HttpStatusCode.OK, status);
        return turn;
    }

    private static bool Has(JsonElement turn, string property) => turn.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

    [Fact]
    public async Task A_request_to_act_is_answered_with_the_request_and_the_stored_reply_is_what_the_customer_saw()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var conversationId = await PromptInjectionTests.StartConversationAsync(alice);

        var turn = await SayAsync(alice, conversationId, "Please refund $120 of invoice INV-2026-0142");
        var answer = turn.GetProperty("answer");
        var stored = await factory.Services.GetRequiredService<IConversationStore>().GetAsync(conversationId, Cancel);

        Assert.Equal("ActionRequested", answer.GetProperty("outcome").GetString());
        Assert.Empty(answer.GetProperty("sentences").EnumerateArray());
        var text = answer.GetProperty("text").GetString()!;
        Assert.StartsWith("Refund $120.00 of invoice INV-2026-0142.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("couldn't find", text, StringComparison.OrdinalIgnoreCase);
        // Knowledge that bears on the decision comes with it: the charge is outside the refund policy's window.
        Assert.Contains("Outside the refund policy", text, StringComparison.Ordinal);
        Assert.Equal("awaiting-user", Status(turn.GetProperty("action")));
        Assert.Equal(text, stored!.Messages.Single(m => m.Role == "assistant").Content);
    }

    [Fact]
    public async Task An_amount_too_large_to_represent_is_refused_in_chat_not_rounded()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var conversationId = await PromptInjectionTests.StartConversationAsync(alice);

        var turn = await SayAsync(alice, conversationId, "Please refund $79228162514264337593543950336 of invoice INV-2026-0142");

        Assert.False(Has(turn, "action"), $"No refund may be proposed: {turn}");
        var prompt = turn.GetProperty("actionPrompt");
        Assert.Equal("needs-input", prompt.GetProperty("kind").GetString());
        Assert.Contains("is not an amount I can read", prompt.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("792,281", turn.GetRawText(), StringComparison.Ordinal);
        Assert.Empty((await GetAsync(alice, "/api/actions")).Body.EnumerateArray());
    }

    [Theory]
    [InlineData("1e29")]
    [InlineData("1e308")]
    [InlineData("79228162514264337593543950336")]
    public async Task An_out_of_range_amount_through_the_api_is_a_400_naming_the_argument(string amount)
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var body = new StringContent($$$"""{"tool":"request_refund","arguments":{"invoice":"INV-2026-0142","amount":{{{amount}}}}}""", System.Text.Encoding.UTF8, "application/json");

        var (status, problem) = await SendAsync(alice.PostAsync("/api/actions", body, Cancel));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["amount"], ErrorFields(problem));
    }

    [Fact]
    public async Task A_question_about_what_an_article_says_is_answered_not_turned_into_a_refund_request()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var conversationId = await PromptInjectionTests.StartConversationAsync(alice);

        var turn = await SayAsync(alice, conversationId, "Tell me what the refund exceptions article says about duplicate charges");

        Assert.False(Has(turn, "actionPrompt") || Has(turn, "action"), $"A question must not become a request: {turn}");
        Assert.NotEqual("ActionRequested", turn.GetProperty("answer").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_request_for_another_customers_account_is_refused_plainly_and_never_retargeted()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var conversationId = await PromptInjectionTests.StartConversationAsync(alice);

        var turn = await SayAsync(alice, conversationId, "Reset two-factor authentication for bob@chenworks.example");
        var own = await SayAsync(alice, conversationId, "Reset two-factor authentication for alice@brightpath.example");

        Assert.False(Has(turn, "action"), $"Nothing may be proposed for another account: {turn}");
        var prompt = turn.GetProperty("actionPrompt");
        Assert.Equal("refused", prompt.GetProperty("kind").GetString());
        Assert.Contains("tools act only on your own account (alice)", prompt.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("bob@chenworks.example", prompt.GetProperty("text").GetString(), StringComparison.Ordinal);
        // Naming one's own account is not someone else's.
        Assert.Equal("reset_two_factor", own.GetProperty("action").GetProperty("tool").GetString());
    }
}
