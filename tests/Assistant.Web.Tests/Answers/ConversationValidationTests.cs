using System.Net;
using System.Text;
using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class ConversationValidationTests
{
    private const int MaxQuestionLength = 32 * 1024;

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "body" },
        { "not json", "body" },
        { "{\"content\": ", "body" },
        { "null", "body" },
        { "[\"How do refunds work?\"]", "body" },
        { "{\"content\": 5}", "body" },
        { "{}", "content" },
        { "{\"content\": null}", "content" },
        { "{\"content\": \"\"}", "content" },
        { "{\"content\": \"  \\n\\t  \"}", "content" },
        { "{\"question\": \"How do refunds work?\"}", "content" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_message_body_is_400_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await PostAsync(client, conversationId, new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertRejectedAsync(response, HttpStatusCode.BadRequest, field);
        await AssertNothingStoredAsync(client, conversationId);
    }

    [Fact]
    public async Task Message_one_character_over_the_limit_is_400_naming_content_and_stores_nothing()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await PostAsync(client, conversationId, Json(Question(MaxQuestionLength + 1)));

        var problem = await AssertRejectedAsync(response, HttpStatusCode.BadRequest, "content");
        Assert.Contains("32,768", problem.Errors!["content"][0]);
        await AssertNothingStoredAsync(client, conversationId);
    }

    [Fact]
    public async Task Message_exactly_at_the_limit_is_accepted()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await PostAsync(client, conversationId, Json(Question(MaxQuestionLength)));

        var reply = await AnswerApi.ReadAsync<MessageReply>(response);
        Assert.Equal(conversationId, reply.ConversationId);
        Assert.Equal(2, (await client.GetConversationAsync(conversationId)).Messages.Count);
    }

    [Fact]
    public async Task Body_over_128_KB_is_413_and_stores_nothing()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        using var response = await PostAsync(client, conversationId, Json(new string('a', 130 * 1024)));

        await AnswerApi.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAsync(client, conversationId);
    }

    [Fact]
    public async Task Chunked_body_over_128_KB_without_a_content_length_is_413_and_stores_nothing()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();
        var bytes = Encoding.UTF8.GetBytes($"{{\"content\": \"{new string('a', 130 * 1024)}\"}}");
        // A StreamContent over a non-seekable stream has no length, so the limit must hold while reading.
        using var content = new StreamContent(new UnseekableStream(bytes));
        content.Headers.ContentType = new("application/json");

        using var response = await PostAsync(client, conversationId, content);

        await AnswerApi.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAsync(client, conversationId);
    }

    [Fact]
    public async Task Message_to_an_unknown_conversation_is_404_problem_and_creates_nothing()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await PostAsync(client, "conv_missing", Json("How do refunds work?"));

        var problem = await AnswerApi.ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("conv_missing", problem.Detail);
        using var get = await client.GetAsync("/api/conversations/conv_missing", AnswerApi.Cancel);
        await AnswerApi.ReadProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task New_conversation_has_no_title_and_no_messages()
    {
        await using var factory = new AssistantWebFactory();
        using var client = await factory.CreateIngestedClientAsync();

        var conversationId = await client.CreateConversationAsync();

        var conversation = await client.GetConversationAsync(conversationId);
        Assert.Equal(conversationId, conversation.Id);
        await AssertNothingStoredAsync(client, conversationId);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string conversationId, HttpContent content) =>
        client.PostAsync($"/api/conversations/{conversationId}/messages", content, AnswerApi.Cancel);

    private static StringContent Json(string question) =>
        new(System.Text.Json.JsonSerializer.Serialize(new { content = question }), Encoding.UTF8, "application/json");

    private static string Question(int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append("How long do I have to request a full refund? ");
        }
        // Ends on a letter so trimming cannot bring an over-long message under the limit.
        return text.ToString(0, length - 1) + "x";
    }

    private static async Task<ProblemView> AssertRejectedAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await AnswerApi.ReadProblemAsync(response, status);
        Assert.NotNull(problem.Errors);
        Assert.Equal([field], problem.Errors.Keys);
        Assert.NotEmpty(problem.Errors[field]);
        return problem;
    }

    private static async Task AssertNothingStoredAsync(HttpClient client, string conversationId)
    {
        var conversation = await client.GetConversationAsync(conversationId);
        Assert.Empty(conversation.Messages);
        Assert.Null(conversation.Title);
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
