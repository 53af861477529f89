using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Answers;

/// <summary>The raw event stream of /v1/chat/completions, for what the SDK hides (it stops reading at [DONE]).</summary>
public sealed class ChatCompletionsStreamTests
{
    [Fact]
    public async Task Stream_ends_cleanly_with_done_after_chunks_that_share_one_id_and_a_last_chunk_with_usage_and_extension()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();

        using var response = await PostStreamingAsync(client, "How long do I have to request a full refund?");
        // Reading to the end fails if the server aborts the response after [DONE].
        var body = await response.Content.ReadAsStringAsync(AnswerApi.Cancel);

        var data = body.Split('\n').Where(line => line.StartsWith("data: ", StringComparison.Ordinal)).Select(line => line["data: ".Length..]).ToList();
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data.SkipLast(1).Select(json => JsonDocument.Parse(json).RootElement).ToList();
        Assert.True(chunks.Count > 2, body);
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(chunk => chunk.GetProperty("id").GetString()).Distinct());
        var last = chunks[^1];
        Assert.Equal("stop", last.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.True(last.GetProperty("usage").GetProperty("prompt_tokens").GetInt32() > 0);
        Assert.Equal("Answered", last.GetProperty("assistant").GetProperty("outcome").GetString());
        var traceId = last.GetProperty("assistant").GetProperty("trace_id").GetString()!;
        Assert.Equal("Answered", (await client.GetTraceAsync(traceId)).Outcome);
    }

    [Fact]
    public async Task Streamed_text_of_a_declined_question_is_the_same_decline_text_as_without_streaming()
    {
        await using var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var client = await factory.CreateIngestedClientAsync();
        const string question = "Do you have a native HubSpot integration?";
        using var whole = await ChatCompletionsTests.PostAsync(client, $$"""{"messages": [{"role": "user", "content": "{{question}}"}]}""");
        var expected = JsonDocument.Parse(await whole.Content.ReadAsStringAsync(AnswerApi.Cancel)).RootElement
            .GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;

        using var response = await PostStreamingAsync(client, question);
        var chunks = await ReadChunksUntilDoneAsync(response);

        Assert.Equal("Abstained", chunks[^1].GetProperty("assistant").GetProperty("outcome").GetString());
        var streamed = string.Concat(chunks.Select(chunk => chunk.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(expected));
        Assert.Equal(AnswerApi.NormaliseWhitespace(expected), AnswerApi.NormaliseWhitespace(streamed));
    }

    private static async Task<HttpResponseMessage> PostStreamingAsync(HttpClient client, string question)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { stream = true, messages = new[] { new { role = "user", content = question } } }),
                System.Text.Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, AnswerApi.Cancel);
        Assert.True(response.IsSuccessStatusCode, $"Returned {(int)response.StatusCode}");
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return response;
    }

    private static async Task<List<JsonElement>> ReadChunksUntilDoneAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(AnswerApi.Cancel));
        var chunks = new List<JsonElement>();
        while (await reader.ReadLineAsync(AnswerApi.Cancel) is { } line)
        {
            if (line == "data: [DONE]")
            {
                return chunks;
            }
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                chunks.Add(JsonDocument.Parse(line["data: ".Length..]).RootElement);
            }
        }
        throw new Xunit.Sdk.XunitException("The stream ended without data: [DONE].");
    }
}
