using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Web.Tests.Feedback;

public sealed class FeedbackTriageApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> RateDownAsync(HttpClient client)
    {
        using var created = await client.PostAsync("/api/conversations", null, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var asked = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = "How long do I have to request a full refund?" }, Cancel);
        var traceId = (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("answer").GetProperty("traceId").GetString();
        using var rated = await client.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "down", categories = new[] { "outdated" } }, Cancel);
        return (await rated.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task An_agent_reads_the_trace_labels_the_cause_and_writes_a_golden_case()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var feedbackId = await RateDownAsync(alice);

        var queue = await sam.GetFromJsonAsync<JsonElement[]>("/api/feedback/triage?status=new&category=outdated", Cancel);
        var detail = await sam.GetFromJsonAsync<JsonElement>($"/api/feedback/triage/{feedbackId}", Cancel);
        using var triaged = await sam.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}", new { status = "triaged", cause = "outdated-content", note = "policy changed" }, Cancel);
        using var golden = await sam.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}/golden",
            new { question = "How long do I have to request a full refund?", expectedArticles = new[] { "policies/refund-policy" }, facts = new[] { "14 days" } }, Cancel);
        var causes = await sam.GetFromJsonAsync<JsonElement>("/api/feedback/triage/causes", Cancel);
        var dashboard = await sam.GetFromJsonAsync<JsonElement>("/api/admin/kpis", Cancel);

        Assert.Equal(feedbackId, Assert.Single(queue!).GetProperty("feedback").GetProperty("id").GetString());
        var trace = detail.GetProperty("trace");
        Assert.Equal("How long do I have to request a full refund?", trace.GetProperty("question").GetString());
        Assert.NotEmpty(trace.GetProperty("passages").EnumerateArray());
        Assert.True(trace.TryGetProperty("promptVersion", out _));
        Assert.Equal(HttpStatusCode.OK, triaged.StatusCode);
        Assert.Equal("outdated-content", (await triaged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("cause").GetString());
        Assert.Equal(HttpStatusCode.OK, golden.StatusCode);
        Assert.Equal("pending", (await golden.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetString());
        var count = Assert.Single(causes.GetProperty("counts").EnumerateArray());
        Assert.Equal(("outdated-content", 1), (count.GetProperty("cause").GetString(), count.GetProperty("count").GetInt32()));
        Assert.Equal(7, causes.GetProperty("causes").GetArrayLength());
        var onDashboard = dashboard.GetProperty("feedbackByCause").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal((1, 0, 0), (onDashboard["outdated-content"], onDashboard["untriaged"], onDashboard["policy"]));
    }

    [Fact]
    [Trait("Requires", "PostgreSQL")]
    public async Task On_two_replicas_sharing_postgresql_feedback_given_on_one_is_triaged_and_counted_on_the_other()
    {
        await using var shared = await TestPostgres.CreateDatabaseAsync();
        await using var first = OnPostgreSQL(shared);
        await using var second = OnPostgreSQL(shared);
        using var alice = await first.CreateIngestedClientAsync("alice");
        using var sam = await second.CreateIngestedClientAsync("sam");
        var feedbackId = await RateDownAsync(alice);

        var queue = await sam.GetFromJsonAsync<JsonElement[]>("/api/feedback/triage?status=new&category=outdated", Cancel);
        var detail = await sam.GetFromJsonAsync<JsonElement>($"/api/feedback/triage/{feedbackId}", Cancel);
        using var triaged = await sam.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}", new { status = "triaged", cause = "outdated-content" }, Cancel);
        using var golden = await sam.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}/golden",
            new { question = "How long do I have to request a full refund?", expectedArticles = new[] { "policies/refund-policy" }, facts = new[] { "14 days" } }, Cancel);
        var dashboard = await sam.GetFromJsonAsync<JsonElement>("/api/admin/kpis", Cancel);

        Assert.Equal(feedbackId, Assert.Single(queue!).GetProperty("feedback").GetProperty("id").GetString());
        Assert.Equal("How long do I have to request a full refund?", detail.GetProperty("trace").GetProperty("question").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (triaged.StatusCode, golden.StatusCode));
        Assert.Equal(1, dashboard.GetProperty("totals").GetProperty("thumbsDown").GetInt32());
        var onDashboard = dashboard.GetProperty("feedbackByCause").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(1, onDashboard["outdated-content"]);
    }

    private static AssistantWebFactory OnPostgreSQL(TestPostgresDatabase database)
    {
        var factory = AssistantWebFactory.ForRepositoryKnowledge();
        factory.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        factory.Settings["Assistant:Storage:ConnectionString"] = database.ConnectionString;
        return factory;
    }

    [Fact]
    public async Task End_users_cannot_see_or_triage_feedback()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        var feedbackId = await RateDownAsync(alice);

        using var list = await alice.GetAsync("/api/feedback/triage", Cancel);
        using var put = await alice.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}", new { status = "triaged", cause = "not-a-problem" }, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Theory]
    [InlineData("""{"status": "fixed", "cause": "policy"}""", "status")]
    [InlineData("""{"status": "triaged", "cause": "gremlins"}""", "cause")]
    [InlineData("""{"status": "triaged""", "body")]
    public async Task Invalid_triage_is_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var feedbackId = await RateDownAsync(alice);

        using var response = await sam.PutAsync($"/api/feedback/triage/{feedbackId}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var item = await sam.GetFromJsonAsync<JsonElement>($"/api/feedback/triage/{feedbackId}", Cancel);
        Assert.Equal("new", item.GetProperty("item").GetProperty("feedback").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("cause=gremlins", "cause")]
    [InlineData("category=rude", "category")]
    public async Task Unknown_filters_are_400_naming_the_filter(string query, string field)
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var sam = await factory.CreateIngestedClientAsync("sam");

        using var response = await sam.GetAsync($"/api/feedback/triage?{query}", Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_golden_case_from_untriaged_feedback_is_400()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var feedbackId = await RateDownAsync(alice);

        using var response = await sam.PutAsJsonAsync($"/api/feedback/triage/{feedbackId}/golden", new { question = "q", expectDecline = true }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.GetAsync("/api/feedback/triage/feedback_nope", Cancel)).StatusCode);
    }
}
