using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class HandoffApiTests
{
    [Fact]
    public async Task Handoff_for_a_conversation_is_created_open_and_listed()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await client.PostAsJsonAsync("/api/handoffs", new { conversationId, reason = "  The answer did not help.  " }, AnswerApi.Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var handoff = await AnswerApi.ReadAsync<HandoffView>(response);
        Assert.StartsWith("handoff_", handoff.Id);
        Assert.Equal(conversationId, handoff.ConversationId);
        Assert.Equal("The answer did not help.", handoff.Reason);
        Assert.Equal("open", handoff.Status);
        Assert.Equal($"/api/handoffs/{handoff.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(handoff, Assert.Single(await ListAsStaffAsync(factory)));
        Assert.Equal(handoff, Assert.Single(await ListAsStaffAsync(factory, "?status=open")));
        Assert.Empty(await ListAsStaffAsync(factory, "?status=closed"));
    }

    [Fact]
    public async Task Handoff_without_a_reason_gets_a_default_one()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await client.PostAsJsonAsync("/api/handoffs", new { conversationId }, AnswerApi.Cancel);

        var handoff = await AnswerApi.ReadAsync<HandoffView>(response);
        Assert.False(string.IsNullOrWhiteSpace(handoff.Reason));
    }

    [Theory]
    [InlineData("{\"reason\": \"Please call me.\"}", "conversationId")]
    [InlineData("{\"conversationId\": \"  \"}", "conversationId")]
    [InlineData("{\"conversationId\": null}", "conversationId")]
    [InlineData("", "body")]
    [InlineData("{\"conversationId\": ", "body")]
    public async Task Handoff_without_a_conversation_is_400_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await client.PostAsync("/api/handoffs", new StringContent(body, Encoding.UTF8, "application/json"), AnswerApi.Cancel);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.Errors!.Keys);
        Assert.Empty(await ListAsStaffAsync(factory));
    }

    [Fact]
    public async Task Handoff_for_an_unknown_conversation_is_404_problem_and_stores_nothing()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await client.PostAsJsonAsync("/api/handoffs", new { conversationId = "conv_missing", reason = "Help" }, AnswerApi.Cancel);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("conv_missing", problem.Detail);
        Assert.Empty(await ListAsStaffAsync(factory));
    }

    // Listing handoffs is for support staff: the agent "sam" reads the queue.
    private static async Task<List<HandoffView>> ListAsStaffAsync(AssistantWebFactory factory, string query = "")
    {
        using var staff = await factory.CreateIngestedClientAsync("sam");
        using var response = await staff.GetAsync($"/api/handoffs{query}", AnswerApi.Cancel);
        return await AnswerApi.ReadAsync<List<HandoffView>>(response);
    }
}
