namespace Assistant.Core.Storage;

/// <summary>
/// The knowledge tables in the database replicas share: the same tables and columns as <see cref="SqliteSchema"/>,
/// JSON as jsonb, terms and vectors as bytes in the format SQLite holds them.
/// </summary>
internal static class PostgresKnowledgeSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS store_meta (
            key   text PRIMARY KEY,
            value text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS documents (
            id            text PRIMARY KEY,
            source_path   text NOT NULL,
            title         text NOT NULL,
            content_hash  text NOT NULL,
            metadata_json jsonb NOT NULL,
            indexed_at    timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS chunks (
            id            text PRIMARY KEY,
            document_id   text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal       integer NOT NULL,
            title         text NOT NULL,
            heading_path  jsonb NOT NULL,
            source_path   text NOT NULL,
            start_offset  integer NOT NULL,
            end_offset    integer NOT NULL,
            text          text NOT NULL,
            content_hash  text NOT NULL,
            metadata_json jsonb NOT NULL,
            terms         bytea NOT NULL,
            vector        bytea NOT NULL,
            flags_json    jsonb NOT NULL DEFAULT '[]'
        );
        CREATE INDEX IF NOT EXISTS ix_chunks_document ON chunks(document_id, ordinal);
        CREATE INDEX IF NOT EXISTS ix_chunks_content_hash ON chunks(content_hash);
        INSERT INTO store_meta(key, value) VALUES('store_id', replace(gen_random_uuid()::text, '-', '')) ON CONFLICT (key) DO NOTHING;
        """;
}
