using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Answers;

public sealed class ConversationStreamingTests
{
    private sealed record Delta(string Text, bool Reset);

    [Fact]
    public async Task Event_stream_sends_deltas_that_add_up_to_the_answer_then_exactly_one_answer_event()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var events = await StreamAsync(client, conversationId, "How long do I have to request a full refund?");

        Assert.Equal(["delta", "answer"], events.Select(e => e.EventType).Distinct());
        Assert.True(events.Count(e => e.EventType == "delta") > 1, "The answer should stream in several pieces.");
        Assert.Single(events, e => e.EventType == "answer");
        Assert.Equal("answer", events[^1].EventType);
        var deltas = events.SkipLast(1).Select(e => JsonSerializer.Deserialize<Delta>(e.Data, AnswerApi.Json)!).ToList();
        Assert.All(deltas, delta => Assert.False(delta.Reset));
        var reply = JsonSerializer.Deserialize<MessageReply>(events[^1].Data, AnswerApi.Json)!;
        Assert.Equal(conversationId, reply.ConversationId);
        Assert.Equal("Answered", reply.Answer.Outcome);
        Assert.Contains("14 days", reply.Answer.Text);
        Assert.Equal(AnswerApi.NormaliseWhitespace(reply.Answer.Text), AnswerApi.NormaliseWhitespace(string.Concat(deltas.Select(d => d.Text))));

        var conversation = await client.GetConversationAsync(conversationId);
        Assert.Equal(["user", "assistant"], conversation.Messages.Select(m => m.Role));
        Assert.Equal(reply.MessageId, conversation.Messages[1].Id);
        Assert.Equal(reply.Answer.Text, conversation.Messages[1].Content);
    }

    [Fact]
    public async Task Event_stream_of_a_declined_question_ends_with_one_abstained_answer_event()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        var conversationId = await client.CreateConversationAsync();

        var events = await StreamAsync(client, conversationId, "Do you have a native HubSpot integration?");

        var answer = Assert.Single(events, e => e.EventType == "answer");
        Assert.Equal("answer", events[^1].EventType);
        Assert.Equal("Abstained", JsonSerializer.Deserialize<MessageReply>(answer.Data, AnswerApi.Json)!.Answer.Outcome);
    }

    private static async Task<List<SseItem<string>>> StreamAsync(HttpClient client, string conversationId, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/conversations/{conversationId}/messages")
        {
            Content = JsonContent.Create(new { content = question }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, AnswerApi.Cancel);
        Assert.True(response.IsSuccessStatusCode, $"Returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(AnswerApi.Cancel)}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(AnswerApi.Cancel);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(AnswerApi.Cancel))
        {
            events.Add(item);
        }
        return events;
    }
}
