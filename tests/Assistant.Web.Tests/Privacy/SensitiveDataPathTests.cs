using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Core.Tests.Support;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using static Assistant.Web.Tests.Privacy.SensitiveInput;

namespace Assistant.Web.Tests.Privacy;

/// <summary>
/// A card number, an SSN, an API key and a password sent through every way user text comes in, offline and with a
/// model; then every response, every byte of the data folder (databases and their -wal files), every log line (at
/// Trace, with request logging on) and every request the model received are searched for them.
/// </summary>
public sealed class SensitiveDataPathTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Card_numbers_ssns_and_secrets_sent_through_every_path_are_stored_logged_echoed_and_sent_nowhere(bool withModel)
    {
        var knowledge = Directory.CreateTempSubdirectory("assistant-privacy-knowledge-").FullName;
        var data = Directory.CreateTempSubdirectory("assistant-privacy-data-").FullName;
        WriteArticles(knowledge);
        var logs = new CapturedLogs();
        await using var model = withModel ? await ScriptedChatServer.StartAsync() : null;
        if (model is not null)
        {
            // A model that repeats what it was sent: into its answer, and into a ticket when asked for one.
            model.Otherwise = request => request["tools"] is JsonArray
                ? LastUserText(request).Contains("ticket", StringComparison.OrdinalIgnoreCase)
                    ? ScriptedChatServer.ToolCall("open_ticket", JsonSerializer.Serialize(new { subject = "Card trouble", body = LastUserText(request) }))
                    : ScriptedChatServer.Text("", 30, 0)
                : ScriptedChatServer.Text($"You wrote: {LastUserText(request)}", 60, 20);
        }
        var responses = new List<string>();
        try
        {
            await using (var factory = new AssistantWebFactory(knowledge, data))
            {
                await using var host = factory.WithWebHostBuilder(builder => Configure(builder, logs, model));
                await host.Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2), Cancel);
                using var alice = await SignInAsync(host, "alice");
                using var sam = await SignInAsync(host, "sam");
                using var ada = await SignInAsync(host, "ada");

                await SendThroughEveryPathAsync(alice, sam, ada, responses);

                Assert.Empty(FoundInFiles(data, out var scanned));
                Assert.Contains(scanned, name => name.EndsWith(".db-wal", StringComparison.Ordinal));
            }
            SqliteConnection.ClearAllPools();

            // Closed: the write-ahead logs are checkpointed into the database files; search those again.
            Assert.Empty(FoundInFiles(data, out _));
            Assert.Empty(FoundIn(string.Join("\n", responses)));
            Assert.Contains(logs.Lines, line => line.Contains("HttpLogging", StringComparison.Ordinal) && line.Contains("/api/conversations", StringComparison.Ordinal));
            Assert.Empty(FoundIn(string.Join("\n", logs.Lines)));
            if (model is not null)
            {
                Assert.NotEmpty(model.Requests);
                Assert.Empty(FoundIn(string.Join("\n", model.Requests.Select(request => request.ToJsonString()))));
            }
        }
        finally
        {
            AssistantWebFactory.DeleteTempDirectory(knowledge);
            AssistantWebFactory.DeleteTempDirectory(data);
        }
    }

    private static async Task SendThroughEveryPathAsync(HttpClient alice, HttpClient sam, HttpClient ada, List<string> responses)
    {
        // The chat, answered as JSON: the notice names all three kinds; the stored question keeps the markers.
        var conversationId = (await SendAsync(alice.PostAsync("/api/conversations", null, Cancel), responses)).GetProperty("id").GetString()!;
        var reply = await SendAsync(alice.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = Message }, Cancel), responses);
        var removed = reply.GetProperty("sensitiveData");
        Assert.Equal(["CardNumber", "SocialSecurityNumber", "Secret"], removed.GetProperty("notice").GetProperty("removed").EnumerateArray().Select(kind => kind.GetString()));
        Assert.Contains("[card •••• 1111]", removed.GetProperty("question").GetString());
        var traceId = reply.GetProperty("messageId").GetString()!;

        // The chat, streamed: the notice comes as the first event.
        using (var streamed = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages") { Content = JsonContent.Create(new { content = "Why was I charged? " + Message }) })
        {
            streamed.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            var events = await ReadAsync(alice.SendAsync(streamed, Cancel), responses);
            Assert.StartsWith("event: sensitive-data", events.TrimStart());
        }

        // A chat request that proposes a ticket (the router offline, the model's function call online); confirmed, it is opened.
        var ticketTurn = await SendAsync(alice.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = "Please open a support ticket: " + Message }, Cancel), responses);
        var chatTicket = ticketTurn.GetProperty("action");
        Assert.Equal("open_ticket", chatTicket.GetProperty("tool").GetString());
        Assert.Contains("[SSN removed]", chatTicket.GetRawText());
        Assert.Equal("executed", (await SendAsync(alice.PostAsync($"/api/actions/{chatTicket.GetProperty("id").GetString()}/confirm", null, Cancel), responses)).GetProperty("status").GetString());

        // POST /api/actions with a ticket body, confirmed; another proposed and cancelled with a reason.
        var apiTicket = await SendAsync(alice.PostAsJsonAsync("/api/actions", new { tool = "open_ticket", arguments = new { subject = $"Card {Card}", body = Message }, conversationId }, Cancel), responses);
        Assert.Contains("[secret removed]", apiTicket.GetRawText());
        await SendAsync(alice.PostAsync($"/api/actions/{apiTicket.GetProperty("id").GetString()}/confirm", null, Cancel), responses);
        var withdrawn = await SendAsync(alice.PostAsJsonAsync("/api/actions", new { tool = "open_ticket", arguments = new { subject = "Second ticket", body = "Ignore the first" } }, Cancel), responses);
        await SendAsync(alice.PostAsJsonAsync($"/api/actions/{withdrawn.GetProperty("id").GetString()}/cancel", new { reason = Message }, Cancel), responses);

        // Staff decisions: a reset waiting for approval is rejected with a reason, another approved with a note.
        foreach (var (reason, decision) in new[] { ("Locked out. " + Message, "reject"), ("Lost my phone. " + Message, "approve") })
        {
            var reset = await SendAsync(alice.PostAsJsonAsync("/api/actions", new { tool = "reset_two_factor", arguments = new { reason } }, Cancel), responses);
            var resetId = reset.GetProperty("id").GetString();
            Assert.Equal("awaiting-approval", (await SendAsync(alice.PostAsync($"/api/actions/{resetId}/confirm", null, Cancel), responses)).GetProperty("status").GetString());
            await SendAsync(sam.PostAsJsonAsync($"/api/actions/{resetId}/{decision}", new { reason = "Checked the last invoice. " + Message }, Cancel), responses);
        }

        // Search echoes its query.
        var search = await SendAsync(alice.GetAsync("/api/search?q=" + Uri.EscapeDataString("card " + Card), Cancel), responses);
        Assert.Equal("card [card •••• 1111]", search.GetProperty("query").GetString());

        // The OpenAI-compatible endpoint, whole and streamed, with the secrets in the history as well as the question.
        object[] messages = [new { role = "user", content = Message }, new { role = "assistant", content = "Noted." }, new { role = "user", content = "And " + Message }];
        var completion = await SendAsync(alice.PostAsJsonAsync("/v1/chat/completions", new { model = "assistant", messages }, Cancel), responses);
        Assert.Equal(3, completion.GetProperty("assistant").GetProperty("sensitive_data").GetProperty("removed").GetArrayLength());
        var chunks = await ReadAsync(alice.PostAsJsonAsync("/v1/chat/completions", new { model = "assistant", messages, stream = true }, Cancel), responses);
        Assert.Contains("\"sensitive_data\":{", chunks);

        // Feedback on an answer, and a handoff to a person, each with the secrets in its free text.
        var feedback = await SendAsync(alice.PutAsJsonAsync($"/api/feedback/{traceId}", new { rating = "down", categories = new[] { "wrong-answer" }, comment = Message }, Cancel), responses);
        Assert.Contains("[secret removed]", feedback.GetRawText());
        var handoff = await SendAsync(alice.PostAsJsonAsync("/api/handoffs", new { conversationId, reason = Message }, Cancel), responses);
        Assert.Contains("[SSN removed]", handoff.GetRawText());

        // What the user and staff read back: the conversation, the trace, the audit log, the review queues.
        await SendAsync(alice.GetAsync($"/api/conversations/{conversationId}", Cancel), responses);
        var trace = await SendAsync(alice.GetAsync($"/api/traces/{traceId}", Cancel), responses);
        Assert.Contains("[SSN removed]", trace.GetProperty("question").GetString());
        await SendAsync(ada.GetAsync("/api/audit", Cancel), responses);
        await SendAsync(sam.GetAsync("/api/actions?scope=all", Cancel), responses);
        await SendAsync(sam.GetAsync("/api/handoffs", Cancel), responses);
        await SendAsync(sam.GetAsync("/api/feedback", Cancel), responses);
    }

    private static void Configure(IWebHostBuilder builder, CapturedLogs logs, ScriptedChatServer? model)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        if (model is not null)
        {
            builder.UseSetting("Assistant:Model:Endpoint", model.BaseAddress.ToString());
            builder.UseSetting("Assistant:Model:Model", "gpt-4o-mini");
            builder.UseSetting("Assistant:Model:ApiKey", "sk-test");
            builder.UseSetting("Assistant:Model:MaxRetries", "0");
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        builder.ConfigureServices(services =>
        {
            // Everything request logging can record; the app must still keep bodies and query strings out.
            services.AddHttpLogging(options => options.LoggingFields = HttpLoggingFields.All);
            services.AddSingleton<IStartupFilter, HttpLoggingStartup>();
        });
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string username)
    {
        var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = AssistantWebFactory.DemoPasswords[username] }, Cancel);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> SendAsync(Task<HttpResponseMessage> sending, List<string> responses)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        responses.Add(text);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> ReadAsync(Task<HttpResponseMessage> sending, List<string> responses)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        responses.Add(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return text;
    }

    private static string LastUserText(JsonObject request)
    {
        var content = request["messages"]!.AsArray().Last(message => message!["role"]!.GetValue<string>() == "user")!["content"];
        return content is JsonArray parts
            ? string.Join("\n", parts.Select(part => part!["text"]?.GetValue<string>()))
            : content!.GetValue<string>();
    }

    private static void WriteArticles(string knowledge)
    {
        Directory.CreateDirectory(Path.Combine(knowledge, "billing"));
        File.WriteAllText(Path.Combine(knowledge, "billing", "payment-methods.md"), """
            ---
            title: Payment methods
            tags: [billing]
            ---
            # Payment methods

            We accept Visa, Mastercard and American Express cards. Update your card under Billing, Payment method.
            A card that is declined is retried after three days. We never ask for your full card number in chat.
            """);
        File.WriteAllText(Path.Combine(knowledge, "billing", "charges.md"), """
            ---
            title: Unexpected charges
            tags: [billing]
            ---
            # Unexpected charges

            If you were charged twice, open a support ticket and name the invoice. Duplicate charges are refunded within five days.
            """);
        File.WriteAllText(Path.Combine(knowledge, "security.md"), """
            ---
            title: Passwords and API keys
            tags: [security]
            ---
            # Passwords and API keys

            Reset your password from the sign-in page. Rotate an API key under Settings, API keys, when it may have leaked.
            Support staff never ask for your password or your API keys.
            """);
    }
}
