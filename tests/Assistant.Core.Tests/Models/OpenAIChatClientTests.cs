using System.ClientModel;
using System.Diagnostics;
using Assistant.Core.Models;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit;

namespace Assistant.Core.Tests.Models;

public sealed class OpenAIChatClientTests
{
    private const string Model = "test-chat-model";

    private static IChatClient ClientFor(ScriptedChatServer server, TimeSpan? timeout = null) =>
        OpenAIChatClientFactory.Create(server.BaseAddress, Model, apiKey: null, timeout ?? TimeSpan.FromSeconds(30));

    private static List<ChatMessage> Conversation() =>
    [
        new(ChatRole.System, "You answer briefly."),
        new(ChatRole.User, "What is the capital of France?"),
        new(ChatRole.Assistant, "Paris."),
        new(ChatRole.User, "And of Italy?"),
    ];

    [Fact]
    public async Task Non_streaming_reply_maps_text_usage_model_id_and_finish_reason()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Rome is the capital.", promptTokens: 21, completionTokens: 5));
        using var client = ClientFor(server);

        var response = await client.GetResponseAsync(Conversation(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Rome is the capital.", response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(Model, response.ModelId);
        Assert.Equal("chatcmpl-scripted-1", response.ResponseId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.Equal(21, response.Usage.InputTokenCount);
        Assert.Equal(5, response.Usage.OutputTokenCount);
        Assert.Equal(26, response.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Length_finish_reason_is_mapped()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Rome is", 3, 2, finishReason: "length"));
        using var client = ClientFor(server);

        var response = await client.GetResponseAsync("And of Italy?", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Request_body_carries_model_roles_and_options()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Rome.", 1, 1));
        using var client = ClientFor(server);
        var options = new ChatOptions
        {
            Temperature = 0.25f,
            MaxOutputTokens = 123,
            TopP = 0.5f,
            StopSequences = ["END"],
            ModelId = Model,
            ResponseFormat = ChatResponseFormat.Json,
        };

        await client.GetResponseAsync(Conversation(), options, TestContext.Current.CancellationToken);

        var body = Assert.Single(server.Requests);
        Assert.Equal(Model, body["model"]!.GetValue<string>());
        var messages = body["messages"]!.AsArray();
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(message => message!["role"]!.GetValue<string>()));
        Assert.Equal("And of Italy?", ContentText(messages[3]!["content"]!));
        Assert.Equal(0.25, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(123, body["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal(0.5, body["top_p"]!.GetValue<double>(), 3);
        Assert.Equal("END", ContentText(body["stop"]!));
        Assert.Equal("json_object", body["response_format"]!["type"]!.GetValue<string>());
        Assert.NotEqual(true, body["stream"]?.GetValue<bool>());
    }

    [Fact]
    public async Task Unset_options_are_not_sent()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Rome.", 1, 1));
        using var client = ClientFor(server);

        await client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);

        var body = Assert.Single(server.Requests);
        Assert.Null(body["temperature"]);
        Assert.Null(body["max_completion_tokens"]);
    }

    [Fact]
    public async Task Another_model_id_is_sent_as_requested_never_silently_replaced()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("Rome.", 1, 1));
        using var client = ClientFor(server);

        var response = await client.GetResponseAsync("Hi", new ChatOptions { ModelId = "other-model" }, TestContext.Current.CancellationToken);

        Assert.Equal("other-model", Assert.Single(server.Requests)["model"]!.GetValue<string>());
        Assert.Equal("other-model", response.ModelId);
    }

    [Fact]
    public async Task Streaming_yields_word_deltas_in_order_then_usage_and_finish_reason()
    {
        const string answer = "Rome has been the capital of Italy since 1871.";
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text(answer, promptTokens: 30, completionTokens: 9));
        using var client = ClientFor(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Conversation(), cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var textUpdates = updates.Where(update => update.Text.Length > 0).ToList();
        Assert.Equal(answer.Split(' ').Length, textUpdates.Count);
        Assert.Equal(answer, string.Concat(textUpdates.Select(update => update.Text)));
        Assert.All(textUpdates, update => Assert.Equal(ChatRole.Assistant, update.Role));
        Assert.All(updates, update => Assert.Equal(Model, update.ModelId));
        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Stop, last.FinishReason);
        var usage = Assert.Single(last.Contents.OfType<UsageContent>()).Details;
        Assert.Equal(30, usage.InputTokenCount);
        Assert.Equal(9, usage.OutputTokenCount);
        Assert.Equal(39, usage.TotalTokenCount);

        // The SDK asks for usage on its own; the scripted server, like OpenAI, only sends it when asked.
        var body = Assert.Single(server.Requests);
        Assert.True(body["stream"]!.GetValue<bool>());
        Assert.True(body["stream_options"]!["include_usage"]!.GetValue<bool>());

        var combined = updates.ToChatResponse();
        Assert.Equal(answer, combined.Text);
        Assert.Equal(39, combined.Usage!.TotalTokenCount);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Error_status_surfaces_as_ClientResultException_with_the_status_and_no_sdk_retry(int status)
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Status(status, retryAfter: "1"), ScriptedChatServer.Text("late", 1, 1));
        using var client = ClientFor(server);

        var exception = await Assert.ThrowsAsync<ClientResultException>(() =>
            client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(status, exception.Status);
        Assert.Single(server.Requests);
        Assert.Equal(1, server.PendingReplies);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Error_status_on_a_stream_surfaces_as_ClientResultException_with_the_status(int status)
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Status(status));
        using var client = ClientFor(server);

        var exception = await Assert.ThrowsAsync<ClientResultException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(status, exception.Status);
    }

    [Fact]
    public async Task Server_slower_than_the_network_timeout_fails_quickly()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Delay(TimeSpan.FromSeconds(30), ScriptedChatServer.Text("late", 1, 1)));
        using var client = ClientFor(server, TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();

        // The SDK reports its network timeout as a TaskCanceledException even though the caller's token never fired,
        // which is how the resilience layer tells a timeout from a cancellation.
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsType<TaskCanceledException>(exception);
        Assert.False(TestContext.Current.CancellationToken.IsCancellationRequested);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Malformed_body_surfaces_as_InvalidDataException()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Malformed());
        using var client = ClientFor(server);

        await Assert.ThrowsAsync<InvalidDataException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Empty_choices_surface_as_InvalidDataException()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Empty());
        using var client = ClientFor(server);

        await Assert.ThrowsAsync<InvalidDataException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Malformed_or_empty_stream_surfaces_as_InvalidDataException()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Malformed(), ScriptedChatServer.Empty());
        using var client = ClientFor(server);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Assert.ThrowsAsync<InvalidDataException>(async () =>
            {
                await foreach (var _ in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
                {
                }
            });
        }
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetService_exposes_metadata_the_sdk_client_and_itself()
    {
        await using var server = await ScriptedChatServer.StartAsync();
        using var client = ClientFor(server);

        var metadata = client.GetService<ChatClientMetadata>();
        Assert.NotNull(metadata);
        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(Model, metadata.DefaultModelId);
        Assert.Equal(server.BaseAddress, metadata.ProviderUri);
        Assert.NotNull(client.GetService<OpenAI.Chat.ChatClient>());
        Assert.NotNull(client.GetService<Assistant.Core.Models.Middleware.ReplyValidatingChatClient>());
        Assert.Null(client.GetService<ChatClientMetadata>(serviceKey: "other"));
    }

    [Fact]
    public async Task Factory_sends_a_placeholder_key_when_none_is_configured()
    {
        await using var server = await ScriptedChatServer.StartAsync(ScriptedChatServer.Text("ok", 1, 1));
        using var client = OpenAIChatClientFactory.Create(server.BaseAddress, Model, apiKey: "", TimeSpan.FromSeconds(30));

        var response = await client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("ok", response.Text);
    }

    // The SDK may serialize text as a plain string or as an array of parts; either way only the text matters here.
    private static string ContentText(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonArray parts => string.Concat(parts.Select(part => part is System.Text.Json.Nodes.JsonValue value ? value.GetValue<string>() : part!["text"]!.GetValue<string>())),
        _ => node.GetValue<string>(),
    };
}
