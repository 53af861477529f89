using Microsoft.Data.Sqlite;

namespace Assistant.Core.Storage;

/// <summary>The knowledge tables. WAL mode (set by <see cref="SqliteDatabase"/>) lets searches read the last committed index while an ingest writes.</summary>
internal static class SqliteSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS store_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS documents (
            id            TEXT PRIMARY KEY,
            source_path   TEXT NOT NULL,
            title         TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            metadata_json TEXT NOT NULL,
            indexed_at    TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS chunks (
            id            TEXT PRIMARY KEY,
            document_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal       INTEGER NOT NULL,
            title         TEXT NOT NULL,
            heading_path  TEXT NOT NULL,
            source_path   TEXT NOT NULL,
            start_offset  INTEGER NOT NULL,
            end_offset    INTEGER NOT NULL,
            text          TEXT NOT NULL,
            content_hash  TEXT NOT NULL,
            metadata_json TEXT NOT NULL,
            terms         BLOB NOT NULL,
            vector        BLOB NOT NULL,
            flags_json    TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX IF NOT EXISTS ix_chunks_document ON chunks(document_id, ordinal);
        CREATE INDEX IF NOT EXISTS ix_chunks_content_hash ON chunks(content_hash);
        INSERT OR IGNORE INTO store_meta(key, value) VALUES('store_id', lower(hex(randomblob(16))));
        """;

    /// <summary>
    /// Stores made before screening have no flags column: add it, and forget the documents' content hashes so the next
    /// ingest re-reads (and screens) every document instead of keeping them as unchanged.
    /// </summary>
    public static async Task MigrateAsync(SqliteConnection connection)
    {
        if (!await SqliteColumns.AddIfMissingAsync(connection, "chunks", "flags_json", "TEXT NOT NULL DEFAULT '[]'"))
        {
            return;
        }
        await using var migrate = connection.CreateCommand();
        migrate.CommandText = "UPDATE documents SET content_hash = 'unscreened'";
        await migrate.ExecuteNonQueryAsync();
    }
}
