using System.Text.Json;
using Assistant.Core.Answers;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Conversations;

/// <summary>Conversations in the PostgreSQL database replicas share; the same contract as <see cref="SqliteConversationStore"/>.</summary>
public sealed class PostgresConversationStore(PostgresDatabase database) : IConversationStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS conversations (
            id         text PRIMARY KEY,
            owner_id   text NOT NULL DEFAULT '',
            title      text,
            created_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_conversations_owner ON conversations(owner_id, created_at);
        CREATE TABLE IF NOT EXISTS messages (
            id              text PRIMARY KEY,
            conversation_id text NOT NULL REFERENCES conversations(id),
            seq             integer NOT NULL,
            role            text NOT NULL,
            content         text NOT NULL,
            answer_json     jsonb,
            created_at      timestamptz NOT NULL,
            UNIQUE (conversation_id, seq)
        );
        """);

    public async Task<Conversation> CreateAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var conversation = new Conversation(Ids.New("conv"), ownerId, null, DateTimeOffset.UtcNow, []);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("INSERT INTO conversations(id, owner_id, created_at) VALUES(@id, @owner, @at)", connection);
        command.Parameters.AddWithValue("id", conversation.Id);
        command.Parameters.AddWithValue("owner", ownerId);
        command.Parameters.AddWithValue("at", conversation.CreatedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return conversation;
    }

    public Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        ReadAsync(id, null, cancellationToken);

    public Task<Conversation?> GetRecentAsync(string id, int messages, CancellationToken cancellationToken = default) =>
        ReadAsync(id, messages, cancellationToken);

    private async Task<Conversation?> ReadAsync(string id, int? last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var header = new NpgsqlCommand("SELECT title, created_at, owner_id FROM conversations WHERE id = @id", connection);
        header.Parameters.AddWithValue("id", id);
        string? title;
        DateTimeOffset createdAt;
        string ownerId;
        await using (var headerReader = await header.ExecuteReaderAsync(cancellationToken))
        {
            if (!await headerReader.ReadAsync(cancellationToken))
            {
                return null;
            }
            title = headerReader.IsDBNull(0) ? null : headerReader.GetString(0);
            createdAt = headerReader.GetFieldValue<DateTimeOffset>(1);
            ownerId = headerReader.GetString(2);
        }

        // Newest first through the (conversation_id, seq) index, so reading the last few never scans the rest.
        await using var query = new NpgsqlCommand(
            "SELECT id, role, content, answer_json, created_at FROM messages WHERE conversation_id = @id ORDER BY seq DESC LIMIT @limit", connection);
        query.Parameters.AddWithValue("id", id);
        query.Parameters.AddWithValue("limit", NpgsqlDbType.Integer, (object?)last ?? DBNull.Value);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var messages = new List<ConversationMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ConversationMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<Answer>(reader.GetString(3), StoredJsonOptions.Default),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }
        messages.Reverse();
        return new Conversation(id, ownerId, title, createdAt, messages);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string ownerId, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT id, title, created_at FROM conversations WHERE owner_id = @owner ORDER BY created_at DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("owner", ownerId);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<ConversationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(new ConversationSummary(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return conversations;
    }

    public async Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default)
    {
        var rows = new[] { question, answer }
            .Select(message => (message, Json: message.Answer is null ? null : JsonSerializer.Serialize(message.Answer, StoredJsonOptions.Default)))
            .ToList();
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The conversation's row lock orders two replicas appending to one conversation: the second reads the
        // first one's last seq instead of taking the same number. The first question names the conversation.
        await using (var title = new NpgsqlCommand(
            "UPDATE conversations SET title = COALESCE(title, @title) WHERE id = @id", connection, transaction))
        {
            title.Parameters.AddWithValue("title", question.Content.Length > 80 ? question.Content[..80] + "…" : question.Content);
            title.Parameters.AddWithValue("id", conversationId);
            await title.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var next = new NpgsqlCommand("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = @id", connection, transaction);
        next.Parameters.AddWithValue("id", conversationId);
        var seq = (int)(await next.ExecuteScalarAsync(cancellationToken))!;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (message, json) in rows)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO messages(id, conversation_id, seq, role, content, answer_json, created_at)
                VALUES(@id, @conversation, @seq, @role, @content, @answer, @at)
                """);
            insert.Parameters.AddWithValue("id", message.Id);
            insert.Parameters.AddWithValue("conversation", conversationId);
            insert.Parameters.AddWithValue("seq", ++seq);
            insert.Parameters.AddWithValue("role", message.Role);
            insert.Parameters.AddWithValue("content", message.Content);
            insert.Parameters.AddWithValue("answer", NpgsqlDbType.Jsonb, (object?)json ?? DBNull.Value);
            insert.Parameters.AddWithValue("at", message.CreatedAt.ToUniversalTime());
            batch.BatchCommands.Add(insert);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
