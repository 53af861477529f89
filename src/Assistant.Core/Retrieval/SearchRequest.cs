namespace Assistant.Core.Retrieval;

public sealed record SearchRequest(string Query, int Top, ChunkFilter? Filter = null);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Hits, double Milliseconds);
