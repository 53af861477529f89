using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Assistant.Web.Tests.Search;

// The JSON contract as a client sees it, declared here rather than borrowed from src so a renamed property fails.
public sealed record SearchResult(string Query, List<Hit> Hits, double Milliseconds);

public sealed record Hit(
    string ChunkId, string DocumentId, string Title, List<string> HeadingPath, string SourcePath,
    int Start, int End, string Text, double Score, HitScores Scores);

public sealed record HitScores(double? Keyword, int? KeywordRank, double? Vector, int? VectorRank);

/// <summary>/api/health as staff see it; anonymous callers and end users get only <see cref="PublicHealth"/>.</summary>
public sealed record Health(string Status, int Documents, int Chunks, bool Ingesting, LastIngest? LastIngest, string? Error, string KnowledgeDirectory, int OpenFlags,
    EmbeddingsHealth Embeddings);

/// <summary>How far the vectors are behind the keyword index: Embedded of Total chunks have a vector of Model.</summary>
public sealed record EmbeddingsHealth(string Model, string State, int Embedded, int Total, double PassagesPerSecond, string? Error);

public sealed record PublicHealth(string Status);

public sealed record LastIngest(int Added, List<SkippedArticle> Skipped);

public sealed record SkippedArticle(string SourcePath, string Reason);

public static class Api
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    public static async Task<SearchResult> SearchAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync(query, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode,
            $"GET {query} returned {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<SearchResult>(Json, TestContext.Current.CancellationToken))!;
    }

    public static async Task<Health> HealthAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<Health>("/api/health", Json, TestContext.Current.CancellationToken))!;

    public static string Search(string q, int? k = null, params string[] filters) =>
        $"/api/search?q={Uri.EscapeDataString(q)}"
        + (k is null ? "" : $"&k={k}")
        + string.Concat(filters.Select(filter => $"&filter={Uri.EscapeDataString(filter)}"));
}
