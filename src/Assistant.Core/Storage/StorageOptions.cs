using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Storage;

/// <summary>How the SQLite files behave under contention (section "Assistant:Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Assistant:Storage";

    /// <summary>
    /// How long a statement waits for another connection's write lock before giving up with SQLITE_BUSY, which the
    /// web host answers as 503 with Retry-After. App writes are a few milliseconds long, so waiting 5 s means
    /// something is wrong (a long external transaction), and the client is better told to retry than kept waiting.
    /// </summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// The same for the knowledge file, whose only writers are ingests: one ingest waits for another to commit
    /// rather than fail. Searches never wait on it (they read the in-memory snapshot; WAL readers never block).
    /// </summary>
    [Range(1, 3600)]
    public int KnowledgeBusyTimeoutSeconds { get; set; } = 120;
}
