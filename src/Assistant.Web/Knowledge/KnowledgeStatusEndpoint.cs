using System.Security.Claims;
using Assistant.Core;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Knowledge;

/// <summary>What anyone may know: whether the service is up ("ready", "ingesting", "degraded").</summary>
public sealed record PublicStatus(string Status);

/// <summary>
/// What staff see: counts, the last ingest's report (with dropped hidden text and flagged sentences), the knowledge
/// folder, every article with sentences that speak to the assistant, and how far the vectors are behind the keyword
/// index (<see cref="EmbeddingStatus"/>: chunks without a vector yet are found by keyword only).
/// </summary>
public sealed record KnowledgeStatus(
    string Status,
    int Documents,
    int Chunks,
    DateTimeOffset IndexBuiltAt,
    string? IndexLoadedFrom,
    bool Ingesting,
    IngestionReport? LastIngest,
    string? Error,
    string KnowledgeDirectory,
    int OpenFlags,
    IReadOnlyList<FlaggedArticle> FlaggedArticles,
    EmbeddingStatus Embeddings);

public static class KnowledgeStatusEndpoint
{
    // Paths, counts and flagged text tell an attacker where the server keeps its files and what it has noticed;
    // anonymous callers (load balancers, uptime checks) need only the status.
    public static async Task<Results<Ok<KnowledgeStatus>, Ok<PublicStatus>>> Get(
        ClaimsPrincipal user, KnowledgeIndex index, KnowledgeBase knowledge, StartupIngestion startup, ContentFlagCatalog flags,
        VectorBackfill vectors, IOptions<AssistantOptions> assistant, CancellationToken cancellationToken)
    {
        var status = startup.Error is not null ? "degraded" : startup.Completed.IsCompleted ? "ready" : "ingesting";
        if (!user.IsStaff())
        {
            return TypedResults.Ok(new PublicStatus(status));
        }
        var snapshot = index.Current;
        var flagged = await flags.ListAsync(cancellationToken);
        return TypedResults.Ok(new KnowledgeStatus(status, snapshot.DocumentCount, snapshot.Chunks.Count, snapshot.BuiltAt, index.LoadedFrom,
            knowledge.IsIngesting, knowledge.LastReport, startup.Error, Path.GetFullPath(assistant.Value.KnowledgeDirectory),
            flagged.Sum(article => article.Open), flagged, vectors.Status));
    }
}
