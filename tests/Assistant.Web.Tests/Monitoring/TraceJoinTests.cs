using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Web.Tests.Monitoring;

/// <summary>A request's W3C trace id is on its log lines, its answer trace and its audit rows, so the three join.</summary>
public sealed class TraceJoinTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_answer_its_action_audit_rows_and_its_log_lines_carry_the_requests_trace_id()
    {
        var logs = new ScopeCapturingLogs();
        await using var server = new MonitoredServer(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        await server.StartAsync();
        using var alice = await server.ClientAsync("alice");
        using var ada = await server.ClientAsync("ada");
        var asking = ActivityTraceId.CreateRandom().ToHexString();
        var proposing = ActivityTraceId.CreateRandom().ToHexString();

        var conversation = await JsonAsync(alice.PostAsync("api/conversations", null, Cancel));
        var answer = await JsonAsync(alice.SendAsync(Traced(HttpMethod.Post, $"api/conversations/{conversation.GetProperty("id").GetString()}/messages", asking,
            new { content = "How long do I have to ask for a full refund?" }), Cancel));
        var trace = await JsonAsync(alice.GetAsync($"api/traces/{answer.GetProperty("messageId").GetString()}", Cancel));
        var action = await JsonAsync(alice.SendAsync(Traced(HttpMethod.Post, "api/actions", proposing,
            new { tool = "request_refund", arguments = new { invoice = "INV-2025-0388", amount = 60, reason = "Unused seats." } }), Cancel));
        var audit = await JsonAsync(ada.GetAsync($"api/audit?actionId={action.GetProperty("id").GetString()}", Cancel));

        Assert.Equal(asking, trace.GetProperty("requestTraceId").GetString());
        Assert.Equal(proposing, Assert.Single(audit.EnumerateArray()).GetProperty("requestTraceId").GetString());
        Assert.Contains(logs.Lines, line => line.TraceId == asking && line.Message.Contains("/messages", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.TraceId == proposing);
        Assert.Equal(ConsoleFormatterNames.Json, server.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    private static HttpRequestMessage Traced(HttpMethod method, string url, string traceId, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        // What an upstream proxy or caller that traces sends: the app joins that trace rather than starting its own.
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return request;
    }

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
