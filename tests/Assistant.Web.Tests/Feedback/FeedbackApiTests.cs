using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Feedback;

public sealed class FeedbackApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> AskAsync(HttpClient client)
    {
        using var created = await client.PostAsync("/api/conversations", null, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var asked = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = "How long do I have to request a full refund?" }, Cancel);
        return (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("answer").GetProperty("traceId").GetString()!;
    }

    [Fact]
    public async Task A_thumbs_down_with_what_was_wrong_is_stored_against_the_trace_and_its_author_can_change_it()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var traceId = await AskAsync(alice);

        using var down = await alice.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "down", categories = new[] { "outdated", "wrong-source" }, comment = "The window changed last month." }, Cancel);
        var first = await down.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        using var up = await alice.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "up" }, Cancel);
        var changed = await up.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var stored = await alice.GetFromJsonAsync<JsonElement>($"/api/feedback/{traceId}", Cancel);

        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        Assert.Equal(["outdated", "wrong-source"], first.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(traceId, first.GetProperty("traceId").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), changed.GetProperty("id").GetString());
        Assert.Equal("up", stored.GetProperty("rating").GetString());
        Assert.Empty(stored.GetProperty("categories").EnumerateArray());
    }

    [Fact]
    public async Task Nobody_can_rate_an_answer_they_were_not_given()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");
        var traceId = await AskAsync(alice);

        using var response = await bob.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "up" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"rating": "down"}""", "categories")]
    [InlineData("""{"rating": "down", "categories": ["rude"]}""", "categories")]
    [InlineData("""{"rating": "meh"}""", "rating")]
    [InlineData("""{"rating": "up", "categories": ["outdated"]}""", "categories")]
    [InlineData("""{"rating": "up""", "body")]
    public async Task Invalid_feedback_is_400_naming_the_field(string body, string field)
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var traceId = await AskAsync(alice);

        using var response = await alice.PutAsync($"/api/feedback/{traceId}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/api/feedback/{traceId}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Support_staff_see_all_feedback_and_end_users_do_not()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var traceId = await AskAsync(alice);
        (await alice.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "down", categories = new[] { "wrong-answer" } }, Cancel)).EnsureSuccessStatusCode();

        var all = await sam.GetFromJsonAsync<JsonElement[]>("/api/feedback?status=new", Cancel);

        Assert.Equal(traceId, Assert.Single(all!).GetProperty("traceId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/feedback", Cancel)).StatusCode);
        var categories = await alice.GetFromJsonAsync<JsonElement[]>("/api/feedback/categories", Cancel);
        Assert.Equal(7, categories!.Length);
    }
}
