namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// The keys of the PostgreSQL advisory locks replicas take to do one thing at a time. Fixed numbers, so every
/// replica (and a psql session looking at pg_locks) agrees on them.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Held while a store creates or migrates its tables: replicas starting together never race on DDL.</summary>
    public const long Schema = 0x4153_5301;

    /// <summary>Held for a whole ingest: one replica builds the knowledge index at a time.</summary>
    public const long Ingestion = 0x4153_5302;

    /// <summary>Held for a whole embedding backfill pass: one replica embeds the index's chunks at a time.</summary>
    public const long EmbeddingBackfill = 0x4153_5310;

    /// <summary>Held by each audit append for its transaction: entries from every replica are numbered one at a time, without gaps.</summary>
    public const long AuditAppend = 0x4153_5311;

    /// <summary>
    /// Held while a replica checks the data-protection key ring and creates its first key: replicas starting together
    /// would otherwise each create a key and sign cookies and tokens with their own until their rings refresh.
    /// </summary>
    public const long DataProtectionKeys = 0x4153_5320;
}
