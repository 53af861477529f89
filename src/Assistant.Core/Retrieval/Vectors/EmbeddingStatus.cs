namespace Assistant.Core.Retrieval.Vectors;

public enum EmbeddingState
{
    /// <summary>Not looked at yet in this process.</summary>
    Unknown,

    /// <summary>Chunks are waiting for a vector; the backfill has not started on them yet (or was stopped).</summary>
    Pending,

    /// <summary>The backfill is embedding chunks now.</summary>
    Embedding,

    /// <summary>Every chunk of the served index has a vector of the current model.</summary>
    Complete,

    /// <summary>The last pass failed (see <see cref="EmbeddingStatus.Error"/>); it is retried.</summary>
    Failed,
}

/// <summary>
/// How far the vector store is behind the keyword index. <see cref="Embedded"/> of <see cref="Total"/> chunks of the
/// served index have a vector of <see cref="Model"/>; the others are found by keyword only until they do.
/// </summary>
public sealed record EmbeddingStatus(
    string Model,
    EmbeddingState State,
    int Embedded,
    int Total,
    double PassagesPerSecond,
    string? Error = null)
{
    public double Fraction => Total == 0 ? 1 : (double)Embedded / Total;
}
