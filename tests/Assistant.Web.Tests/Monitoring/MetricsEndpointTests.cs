using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Core.Monitoring;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Monitoring;

/// <summary>/metrics over real HTTP after real answers (the model is a scripted OpenAI-compatible server).</summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_answers_metrics_serve_the_genai_and_product_metrics_and_every_name_the_alert_rules_use()
    {
        await using var model = await ScriptedChatServer.StartAsync();
        // One supported sentence and one its source contradicts (dropped by verification).
        model.Otherwise = _ => ScriptedChatServer.Text(MonitoredServer.RefundSentence + " [1] Refunds reach your card in 30 business days. [1]", 300, 20);
        // A day's global budget with room for one call's worst case: the second model call crosses the soft threshold
        // or the limit, so the budget metrics the alert rules use are served too.
        var settings = ModelSettings(model);
        settings["Assistant:Budgets:GlobalDailyUsd"] = "0.0009";
        await using var server = new MonitoredServer(settings, services => services.AddSingleton<IDriftSignal>(new FixedDrift()));
        await server.StartAsync();
        using var alice = await server.ClientAsync("alice");
        using var sam = await server.ClientAsync("sam");

        var conversation = await JsonAsync(alice.PostAsync("api/conversations", null, Cancel));
        var id = conversation.GetProperty("id").GetString();
        var answered = await JsonAsync(alice.PostAsJsonAsync($"api/conversations/{id}/messages", new { content = "How long do I have to ask for a full refund?" }, Cancel));
        await JsonAsync(alice.PostAsJsonAsync($"api/conversations/{id}/messages", new { content = "What colour is the office cat?" }, Cancel));
        var again = await JsonAsync(alice.PostAsJsonAsync($"api/conversations/{id}/messages", new { content = "How long do I have to ask for a full refund?" }, Cancel));
        await JsonAsync(alice.PutAsJsonAsync($"api/feedback/{answered.GetProperty("messageId").GetString()}", new { rating = "down", categories = new[] { "wrong-answer" } }, Cancel));
        await JsonAsync(alice.PostAsJsonAsync("api/handoffs", new { conversationId = id, reason = "Please call me." }, Cancel));
        var proposed = await JsonAsync(alice.PostAsJsonAsync("api/actions", new { tool = "request_refund", arguments = new { invoice = "INV-2025-0388", amount = 60, reason = "Unused seats." } }, Cancel));
        await JsonAsync(alice.PostAsync($"api/actions/{proposed.GetProperty("id").GetString()}/confirm", null, Cancel));
        await JsonAsync(sam.PostAsJsonAsync($"api/actions/{proposed.GetProperty("id").GetString()}/approve", new { reason = "Within the window." }, Cancel));

        using var anonymous = await server.ClientAsync();
        using var response = await anonymous.GetAsync("metrics", Cancel);
        var scrape = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(again.GetProperty("answer").TryGetProperty("budget", out var budget) && budget.ValueKind == JsonValueKind.Object,
            $"The second model answer should carry its budget decision: {again}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("gen_ai_request_model=\"gpt-4o-mini\"", scrape);
        // The route label AssistantAnswerErrors selects on.
        Assert.Contains("http_route=\"/api/conversations/{id}/messages\"", scrape);
        Assert.Matches(new Regex("^assistant_answers_total\\{[^}]*outcome=\"Answered\"", RegexOptions.Multiline), scrape);
        Assert.Matches(new Regex("^assistant_answers_total\\{[^}]*outcome=\"Abstained\"", RegexOptions.Multiline), scrape);
        Assert.Matches(new Regex("^assistant_feedback_total\\{[^}]*category=\"wrong-answer\"", RegexOptions.Multiline), scrape);
        Assert.Matches(new Regex("^assistant_actions_total\\{[^}]*status=\"executed\"[^}]*tool=\"request_refund\"", RegexOptions.Multiline), scrape);
        string[] expected = ["gen_ai_client_token_usage_bucket", "gen_ai_client_operation_duration_seconds_bucket", "assistant_handoffs_total",
            "assistant_answer_citations_bucket", "assistant_retrieval_top_score_bucket", "assistant_embedding_progress", "assistant_index_chunks",
            .. AlertRuleMetricNames()];
        var missing = expected.Where(name => !Regex.IsMatch(scrape, $"^{name}[{{ ]", RegexOptions.Multiline)).ToList();
        Assert.True(missing.Count == 0, $"Not in /metrics: {string.Join(", ", missing)}\n{scrape}");
    }

    [Fact]
    public async Task With_auth_required_metrics_answer_only_an_admin_or_the_scraper_token()
    {
        const string token = "scrape-0123456789abcdef0123456789abcdef";
        await using var server = new MonitoredServer(new Dictionary<string, string?>
        {
            ["Assistant:Monitoring:MetricsRequireAuth"] = "true",
            ["Assistant:Monitoring:MetricsToken"] = token,
        });
        await server.StartAsync();
        using var anonymous = await server.ClientAsync();
        using var alice = await server.ClientAsync("alice");
        using var ada = await server.ClientAsync("ada");

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(anonymous, "wrong-" + token));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(alice, null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ada, null));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(anonymous, token));
    }

    [Fact]
    public async Task With_monitoring_off_there_is_no_metrics_endpoint()
    {
        await using var server = new MonitoredServer(new Dictionary<string, string?> { ["Assistant:Monitoring:Enabled"] = "false" });
        await server.StartAsync();
        using var anonymous = await server.ClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(anonymous, null));
    }

    /// <summary>
    /// Every metric name the app's alert rules in infra/prometheus use, with the suffix they use it by. The gateway's
    /// rules (gateway.yml) read the gateway's own /metrics, which the gateway's tests check.
    /// </summary>
    internal static IReadOnlyList<string> AlertRuleMetricNames()
    {
        var rules = Directory.GetFiles(Path.Combine(AssistantWebFactory.RepositoryRoot, "infra", "prometheus", "rules"), "*.yml")
            .Where(path => Path.GetFileName(path) != "gateway.yml")
            .Select(File.ReadAllText);
        var names = rules.SelectMany(text => Regex.Matches(text, @"\b(?:assistant|gen_ai|http_server)_[a-z_]+\b").Select(m => m.Value))
            .Distinct().Order().ToList();
        Assert.NotEmpty(names);
        return names;
    }

    internal static Dictionary<string, string?> ModelSettings(ScriptedChatServer model) => new()
    {
        ["Assistant:Model:Endpoint"] = model.BaseAddress.ToString(),
        ["Assistant:Model:Model"] = "gpt-4o-mini",
        ["Assistant:Model:ApiKey"] = "sk-test",
        ["Assistant:Model:MaxRetries"] = "0",
    };

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed class FixedDrift : IDriftSignal
    {
        public IEnumerable<DriftReading> QueryDivergence() => [new DriftReading("7d", 0.12)];
    }
}
