using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using OpenAI;
using OpenAI.Chat;
using Xunit;

namespace Assistant.Web.Tests.Answers;

/// <summary>The OpenAI-compatible endpoint, driven by the official OpenAI .NET SDK as an existing client would.</summary>
public sealed class ChatCompletionsTests
{
    private const string RefundQuestion = "How long do I have to request a full refund?";

    [Fact]
    public async Task Sdk_completion_answers_the_question_and_reports_token_usage()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var chat = CreateChatClient(factory, client);

        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage(RefundQuestion)], cancellationToken: AnswerApi.Cancel);

        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal("assistant/extractive-v1", completion.Model);
        Assert.StartsWith("chatcmpl-", completion.Id);
        Assert.Contains("14 days", Assert.Single(completion.Content).Text);
        Assert.True(completion.Usage.InputTokenCount > 0, $"prompt_tokens = {completion.Usage.InputTokenCount}");
        Assert.True(completion.Usage.OutputTokenCount > 0, $"completion_tokens = {completion.Usage.OutputTokenCount}");
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Sdk_streaming_yields_several_updates_that_add_up_to_the_non_streaming_answer()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var chat = CreateChatClient(factory, client);
        ChatCompletion whole = await chat.CompleteChatAsync([new UserChatMessage(RefundQuestion)], cancellationToken: AnswerApi.Cancel);

        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage(RefundQuestion)], cancellationToken: AnswerApi.Cancel))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count(u => u.ContentUpdate.Any(part => part.Text.Length > 0)) > 1, $"Only {updates.Count} updates.");
        var streamed = string.Concat(updates.SelectMany(u => u.ContentUpdate).Select(part => part.Text));
        Assert.Equal(AnswerApi.NormaliseWhitespace(whole.Content[0].Text), AnswerApi.NormaliseWhitespace(streamed));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.True(updates[^1].Usage?.InputTokenCount > 0, "The last chunk should carry the usage.");
    }

    [Fact]
    public async Task Sdk_follow_up_uses_earlier_user_messages_as_context()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var chat = CreateChatClient(factory, client);

        ChatCompletion completion = await chat.CompleteChatAsync(
            [
                new UserChatMessage("How much is the Team plan per seat?"),
                new AssistantChatMessage("The Team plan is $18 per seat per month."),
                new UserChatMessage("And the annual price?"),
            ],
            cancellationToken: AnswerApi.Cancel);

        Assert.Contains("$180", completion.Content[0].Text);
    }

    [Fact]
    public async Task Assistant_extension_field_carries_outcome_trace_id_and_cited_sentences()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await PostAsync(client, $$"""{"model": "assistant", "messages": [{"role": "user", "content": "{{RefundQuestion}}"}]}""");

        var completion = await AnswerApi.ReadAsync<RawCompletion>(response);
        Assert.Equal("chat.completion", completion.Object);
        var extension = completion.Assistant;
        Assert.Equal("Answered", extension.Outcome);
        Assert.Equal("extractive", extension.Generator);
        Assert.Equal($"chatcmpl-{extension.TraceId}", completion.Id);
        Assert.Equal(Assert.Single(completion.Choices).Message.Content, string.Join(" ", extension.Sentences.Select(s => s.Text + string.Concat(s.Citations.Select(c => $" [{c.Passage}]")))));
        Assert.NotEmpty(extension.Sentences);
        Assert.All(extension.Sentences, sentence =>
        {
            Assert.True(sentence.Supported);
            Assert.NotEmpty(sentence.Citations);
            Assert.All(sentence.Citations, citation => Assert.False(string.IsNullOrEmpty(citation.Quote)));
        });
        Assert.Empty(extension.Suggestions);
        var trace = await client.GetTraceAsync(extension.TraceId);
        Assert.Equal(RefundQuestion, trace.Question);
        Assert.Null(trace.ConversationId);
        Assert.Equal(trace.TokensIn, completion.Usage.PromptTokens);
        Assert.Equal(trace.TokensOut, completion.Usage.CompletionTokens);
        Assert.Equal(extension.Confidence, trace.Confidence);
    }

    [Theory]
    [InlineData("""{"model": "assistant", "messages": [{"role": "system", "content": "Be brief."}]}""")]
    [InlineData("""{"model": "assistant", "messages": []}""")]
    [InlineData("""{"model": "assistant"}""")]
    [InlineData("""{"model": "assistant", "messages": [{"role": "user", "content": "How do refunds work?"}, {"role": "user", "content": "  "}]}""")]
    [InlineData("""{"model": "assistant", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}]}""")]
    public async Task Request_without_a_user_question_is_400_problem_naming_messages(string body)
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await PostAsync(client, body);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["messages"], problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"messages": [null]}""")]
    [InlineData("""{"messages": [{"role": "user", "content": ["How do refunds work?"]}]}""")]
    [InlineData("""{"messages": [{"role": "user", "content": [{"type": "text", "text": 5}]}]}""")]
    public async Task Malformed_message_is_400_problem_rather_than_a_server_error(string body)
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await PostAsync(client, body);

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        // The key names the offending field as precisely as it can: "body", "messages", "messages[0]", "messages[0].content".
        var field = Assert.Single(problem.Errors!.Keys);
        Assert.True(field == "body" || field.StartsWith("messages", StringComparison.Ordinal), $"unexpected error key '{field}'");
    }

    // The bearer token from POST /api/auth/token is the OpenAI API key, as the README tells script authors.
    private static ChatClient CreateChatClient(AssistantWebFactory factory, HttpClient client) =>
        new(model: "assistant", credential: new ApiKeyCredential(client.DefaultRequestHeaders.Authorization!.Parameter!), options: new OpenAIClientOptions
        {
            Endpoint = new Uri(client.BaseAddress!, "/v1"),
            Transport = new HttpClientPipelineTransport(factory.CreateClient()),
        });

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string body) =>
        client.PostAsync("/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), AnswerApi.Cancel);

    private sealed record RawCompletion(string Id, string Object, List<RawChoice> Choices, RawUsage Usage, RawExtension Assistant);

    private sealed record RawChoice(int Index, RawMessage Message, [property: JsonPropertyName("finish_reason")] string FinishReason);

    private sealed record RawMessage(string Role, string Content);

    private sealed record RawUsage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens,
        [property: JsonPropertyName("total_tokens")] int TotalTokens);

    private sealed record RawExtension(
        string Outcome, string Generator, double Confidence,
        [property: JsonPropertyName("confidence_reason")] string ConfidenceReason,
        string? Notice,
        [property: JsonPropertyName("trace_id")] string TraceId,
        List<SentenceView> Sentences, List<SuggestionView> Suggestions);
}
