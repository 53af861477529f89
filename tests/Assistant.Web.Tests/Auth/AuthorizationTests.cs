using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Auth;

/// <summary>Authorization is enforced on the server for every API: who may call it, and whose data they see.</summary>
public sealed class AuthorizationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/search?q=refund")]
    [InlineData("POST", "/api/conversations")]
    [InlineData("GET", "/api/conversations")]
    [InlineData("GET", "/api/conversations/conv_x")]
    [InlineData("POST", "/api/conversations/conv_x/messages")]
    [InlineData("GET", "/api/traces/trace_x")]
    [InlineData("POST", "/api/handoffs")]
    [InlineData("GET", "/api/handoffs")]
    [InlineData("POST", "/v1/chat/completions")]
    [InlineData("GET", "/api/auth/me")]
    [InlineData("GET", "/api/content/flags")]
    [InlineData("POST", "/api/content/flags/clear")]
    public async Task Every_api_refuses_an_anonymous_caller_with_401(string method, string path)
    {
        await using var factory = new AssistantWebFactory();
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { content = "x" }) }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_public_but_tells_an_anonymous_caller_only_the_status()
    {
        await using var factory = new AssistantWebFactory();
        using var anonymous = factory.CreateClient();

        using var response = await anonymous.GetAsync("/api/health", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["status"], JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain(Path.GetFileName(factory.KnowledgeDirectory), body);
    }

    [Fact]
    public async Task Health_details_and_the_knowledge_folder_are_for_staff_only()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");

        var forUser = await alice.GetStringAsync("/api/health", Cancel);
        var forStaff = await sam.GetStringAsync("/api/health", Cancel);

        Assert.Equal(["status"], JsonDocument.Parse(forUser).RootElement.EnumerateObject().Select(p => p.Name));
        var details = JsonDocument.Parse(forStaff).RootElement;
        Assert.Equal(Path.GetFullPath(factory.KnowledgeDirectory), details.GetProperty("knowledgeDirectory").GetString());
        Assert.True(details.TryGetProperty("documents", out _));
        Assert.True(details.TryGetProperty("flaggedArticles", out _));
    }

    [Fact]
    public async Task An_end_user_cannot_see_or_use_another_users_conversation_but_support_staff_can_read_it()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var conversation = await CreateConversationAsync(alice);
        using var asked = await alice.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content = "How long do I have to request a full refund?" }, Cancel);
        var traceId = (await JsonDocument.ParseAsync(await asked.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel)).RootElement.GetProperty("answer").GetProperty("traceId").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/conversations/{conversation}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content = "hi" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/traces/{traceId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync("/api/handoffs", new { conversationId = conversation }, Cancel)).StatusCode);
        Assert.Empty(await bob.GetFromJsonAsync<JsonElement[]>("/api/conversations", Cancel) ?? []);

        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/conversations/{conversation}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync($"/api/traces/{traceId}", Cancel)).StatusCode);
        // Staff read conversations; they do not speak in them as the user.
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostAsJsonAsync($"/api/conversations/{conversation}/messages", new { content = "hi" }, Cancel)).StatusCode);

        var listed = await alice.GetFromJsonAsync<JsonElement[]>("/api/conversations", Cancel);
        Assert.Equal(conversation, Assert.Single(listed!).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_handoff_queue_is_for_support_staff_only()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/handoffs", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync("/api/handoffs", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/api/handoffs", Cancel)).StatusCode);
    }

    private static async Task<string> CreateConversationAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/conversations", null, Cancel);
        response.EnsureSuccessStatusCode();
        return (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Cancel), cancellationToken: Cancel)).RootElement.GetProperty("id").GetString()!;
    }
}
