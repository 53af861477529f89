using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Insights;

/// <summary>GET /api/admin/kpis and kpis.csv over answers, feedback and handoffs made through the real API.</summary>
public sealed class KpiApiTests : IAsyncLifetime
{
    private const string RefundQuestion = "How long do I have to request a full refund?";
    private const string HubSpotQuestion = "Do you have a native HubSpot integration?";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly AssistantWebFactory _factory = AssistantWebFactory.ForRepositoryKnowledge();

    public async ValueTask InitializeAsync() => await _factory.CreateIngestedClientAsync("alice");

    /// <summary>Asks in a new conversation; returns the conversation and the answer's trace id.</summary>
    public static async Task<(string Conversation, string Trace, string Outcome)> AskAsync(HttpClient client, string question)
    {
        using var created = await client.PostAsync("/api/conversations", null, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
        using var asked = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = question }, Cancel);
        var answer = (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("answer");
        return (id, answer.GetProperty("traceId").GetString()!, answer.GetProperty("outcome").GetString()!);
    }

    private static JsonElement Kpi(JsonElement report, string id) =>
        report.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Answers_feedback_and_handoffs_made_through_the_api_are_counted_for_staff()
    {
        using var alice = await _factory.CreateIngestedClientAsync("alice");
        using var sam = await _factory.CreateIngestedClientAsync("sam");
        var refund = await AskAsync(alice, RefundQuestion);
        var hubspot = await AskAsync(alice, HubSpotQuestion);
        (await alice.PutAsJsonAsync($"/api/feedback/{refund.Trace}", new { rating = "down", categories = new[] { "wrong-answer" } }, Cancel)).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync("/api/handoffs", new { conversationId = hubspot.Conversation }, Cancel)).EnsureSuccessStatusCode();

        var report = await sam.GetFromJsonAsync<JsonElement>("/api/admin/kpis", Cancel);

        Assert.Equal(("Answered", "Abstained"), (refund.Outcome, hubspot.Outcome));
        var totals = report.GetProperty("totals");
        Assert.Equal((2, 2, 2, 1, 1), (totals.GetProperty("replies").GetInt32(), totals.GetProperty("questions").GetInt32(),
            totals.GetProperty("conversations").GetInt32(), totals.GetProperty("handoffs").GetInt32(), totals.GetProperty("thumbsDown").GetInt32()));
        Assert.Equal(500, Kpi(report, "report-rate").GetProperty("value").GetDouble(), 9);
        Assert.Equal(0.5, Kpi(report, "escalation").GetProperty("value").GetDouble(), 9);
        Assert.Equal(0, Kpi(report, "task-success").GetProperty("value").GetDouble());
        Assert.Equal(0.5, Kpi(report, "adoption").GetProperty("value").GetDouble(), 9);
        Assert.Equal("Alert", Kpi(report, "hallucination").GetProperty("status").GetString());
        Assert.Equal(7, Kpi(report, "latency").GetProperty("trend").GetArrayLength());
        var gaps = report.GetProperty("contentGaps").EnumerateArray().Select(g => g.GetProperty("question").GetString()).ToList();
        Assert.Contains(HubSpotQuestion, gaps);
        Assert.Contains(RefundQuestion, gaps);
        Assert.Equal(1, report.GetProperty("feedbackByCategory").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "wrong-answer").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_csv_holds_the_same_values_as_the_json_with_a_row_per_kpi_and_day()
    {
        using var alice = await _factory.CreateIngestedClientAsync("alice");
        using var ada = await _factory.CreateIngestedClientAsync("ada");
        await AskAsync(alice, RefundQuestion);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var from = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");

        var report = await ada.GetFromJsonAsync<JsonElement>($"/api/admin/kpis?from={from}&to={today}", Cancel);
        using var response = await ada.GetAsync($"/api/admin/kpis.csv?from={from}&to={today}", Cancel);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kpi,name,period,value,unit,status,target_envelope", lines[0]);
        var kpis = report.GetProperty("kpis").EnumerateArray().ToList();
        Assert.Equal(1 + kpis.Count * 4 + report.GetProperty("budgetBurn").GetArrayLength(), lines.Length);
        var latency = lines.Single(line => line.StartsWith($"latency,Latency P95,{from}..{today},", StringComparison.Ordinal)).Split(',');
        Assert.Equal(Kpi(report, "latency").GetProperty("value").GetDouble(), double.Parse(latency[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(lines, line => line.StartsWith($"task-success,Task success,{today},1,share,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Budget_burn_lists_the_budget_accounts_with_the_limit_in_force_in_json_and_csv()
    {
        using var ada = await _factory.CreateIngestedClientAsync("ada");
        (await ada.PutAsJsonAsync("/api/admin/budgets/global-daily", new { limit = 12.5m }, Cancel)).EnsureSuccessStatusCode();

        var report = await ada.GetFromJsonAsync<JsonElement>("/api/admin/kpis", Cancel);
        var csv = await ada.GetStringAsync("/api/admin/kpis.csv", Cancel);

        var global = report.GetProperty("budgetBurn").EnumerateArray().Single(b => b.GetProperty("scope").GetString() == "global-daily");
        Assert.Equal((12.5m, 0m, 0d), (global.GetProperty("limit").GetDecimal(), global.GetProperty("used").GetDecimal(), global.GetProperty("utilization").GetDouble()));
        Assert.Contains(csv.Split("\r\n"), line => line.StartsWith("budget-burn,global-daily (all),", StringComparison.Ordinal) && line.EndsWith(",share,,limit 12.5 usd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task End_users_are_refused_and_anonymous_callers_must_sign_in()
    {
        using var alice = await _factory.CreateIngestedClientAsync("alice");
        using var anonymous = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/admin/kpis", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/admin/kpis.csv", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/kpis", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-11-20&to=2026-11-10", "from")]
    [InlineData("?from=2024-01-01&to=2026-01-01", "to")]
    public async Task Bad_dates_and_ranges_are_400_naming_the_parameter(string query, string field)
    {
        using var sam = await _factory.CreateIngestedClientAsync("sam");

        foreach (var path in new[] { "/api/admin/kpis", "/api/admin/kpis.csv" })
        {
            using var response = await sam.GetAsync(path + query, Cancel);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}{query}: {problem}");
        }
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}
