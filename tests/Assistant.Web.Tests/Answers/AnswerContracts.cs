using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Answers;

// The JSON contract as a client sees it, declared here rather than borrowed from src so a renamed property fails.
public sealed record ConversationCreated(string Id, DateTimeOffset CreatedAt);

public sealed record ConversationView(string Id, string? Title, DateTimeOffset CreatedAt, List<MessageView> Messages);

public sealed record MessageView(string Id, string Role, string Content, AnswerView? Answer, DateTimeOffset CreatedAt);

public sealed record MessageReply(string ConversationId, string MessageId, AnswerView Answer);

public sealed record AnswerView(
    string Text, List<SentenceView> Sentences, string Outcome, string Generator, string? Model, double Confidence,
    string ConfidenceReason, List<SuggestionView> Suggestions, string? Notice, string TraceId);

public sealed record SentenceView(string Text, List<CitationView> Citations, bool Supported, double Score, List<string> Problems);

public sealed record CitationView(
    int Passage, string ChunkId, string DocumentId, string Title, int QuoteStart, int QuoteEnd, int SourceStart, int SourceEnd,
    string Quote, double Score);

public sealed record SuggestionView(string DocumentId, string Title);

public sealed record TraceView(
    string Id, string? ConversationId, string Question, string SearchQuery, List<TracePassageView> Passages, string PromptVersion,
    string Generator, string? Model, int TokensIn, int TokensOut, string TokenSource, decimal Cost, LatencyView Latency,
    double Confidence, VerificationView Verification, string Outcome, string? Notice, DateTimeOffset CreatedAt);

public sealed record TracePassageView(int Number, string ChunkId, string DocumentId, double Score, double? KeywordScore, double? VectorScore);

public sealed record LatencyView(double ResolveMs, double RetrieveMs, double GenerateMs, double VerifyMs, double TotalMs);

public sealed record VerificationView(int Sentences, int Supported, int Removed, int InvalidMarkers);

public sealed record HandoffView(string Id, string ConversationId, string Reason, string Status, DateTimeOffset CreatedAt);

// Detail and errors are each optional in RFC 9457; only validation problems carry errors.
public sealed record ProblemView(string Title, int Status, string? Detail = null, Dictionary<string, string[]>? Errors = null);

public static class AnswerApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<string> CreateConversationAsync(this HttpClient client)
    {
        using var response = await client.PostAsync("/api/conversations", null, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<ConversationCreated>(Json, Cancel);
        Assert.StartsWith("conv_", created!.Id);
        Assert.Equal($"/api/conversations/{created.Id}", response.Headers.Location?.OriginalString);
        return created.Id;
    }

    public static async Task<MessageReply> AskAsync(this HttpClient client, string conversationId, string question)
    {
        using var response = await client.PostAsJsonAsync($"/api/conversations/{conversationId}/messages", new { content = question }, Cancel);
        return await ReadAsync<MessageReply>(response);
    }

    public static async Task<ConversationView> GetConversationAsync(this HttpClient client, string conversationId)
    {
        using var response = await client.GetAsync($"/api/conversations/{conversationId}", Cancel);
        return await ReadAsync<ConversationView>(response);
    }

    public static async Task<TraceView> GetTraceAsync(this HttpClient client, string traceId)
    {
        using var response = await client.GetAsync($"/api/traces/{traceId}", Cancel);
        return await ReadAsync<TraceView>(response);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} returned {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    /// <summary>Asserts a problem+json response with the given status, and returns it.</summary>
    public static async Task<ProblemView> ReadProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemView>(body, Json)!;
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    public static string NormaliseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
