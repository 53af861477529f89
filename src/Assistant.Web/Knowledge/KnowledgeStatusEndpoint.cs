using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Retrieval;

namespace Assistant.Web.Knowledge;

public sealed record KnowledgeStatus(
    string Status,
    int Documents,
    int Chunks,
    DateTimeOffset IndexBuiltAt,
    string? IndexLoadedFrom,
    bool Ingesting,
    IngestionReport? LastIngest,
    string? Error);

public static class KnowledgeStatusEndpoint
{
    public static KnowledgeStatus Get(KnowledgeIndex index, KnowledgeBase knowledge, StartupIngestion startup)
    {
        var snapshot = index.Current;
        var status = startup.Error is not null ? "degraded" : startup.Completed.IsCompleted ? "ready" : "ingesting";
        return new KnowledgeStatus(status, snapshot.DocumentCount, snapshot.Chunks.Count, snapshot.BuiltAt, index.LoadedFrom,
            knowledge.IsIngesting, knowledge.LastReport, startup.Error);
    }
}
