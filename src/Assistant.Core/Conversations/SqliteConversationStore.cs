using System.Text.Json;
using Assistant.Core.Answers;
using Assistant.Core.Storage;

namespace Assistant.Core.Conversations;

public sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS conversations (
            id         TEXT PRIMARY KEY,
            owner_id   TEXT NOT NULL DEFAULT '',
            title      TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS messages (
            id              TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL REFERENCES conversations(id),
            seq             INTEGER NOT NULL,
            role            TEXT NOT NULL,
            content         TEXT NOT NULL,
            answer_json     TEXT,
            created_at      TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_messages_conversation ON messages(conversation_id, seq);
        """, migrate: AddOwnerColumnAsync);

    // Databases created before conversations had owners gain the column; their conversations belong to no one.
    private static async Task AddOwnerColumnAsync(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        await SqliteColumns.AddIfMissingAsync(connection, "conversations", "owner_id", "TEXT NOT NULL DEFAULT ''");
        await using var index = connection.CreateCommand();
        index.CommandText = "CREATE INDEX IF NOT EXISTS ix_conversations_owner ON conversations(owner_id, created_at)";
        await index.ExecuteNonQueryAsync();
    }

    public async Task<Conversation> CreateAsync(string ownerId, CancellationToken cancellationToken = default)
    {
        var conversation = new Conversation(Ids.New("conv"), ownerId, null, DateTimeOffset.UtcNow, []);
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = "INSERT INTO conversations(id, owner_id, created_at) VALUES($id, $owner, $at)";
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$owner", ownerId);
        command.Parameters.AddWithValue("$at", conversation.CreatedAt.ToString("O"));
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
        await using var header = connection.CreateCommand();
        header.CommandText = "SELECT title, created_at, owner_id FROM conversations WHERE id = $id";
        header.Parameters.AddWithValue("$id", id);
        await using var headerReader = await header.ExecuteReaderAsync(cancellationToken);
        if (!await headerReader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var title = headerReader.IsDBNull(0) ? null : headerReader.GetString(0);
        var createdAt = DateTimeOffset.Parse(headerReader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        var ownerId = headerReader.GetString(2);

        // Newest first through the (conversation_id, seq) index, so reading the last few never scans the rest.
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, role, content, answer_json, created_at FROM messages WHERE conversation_id = $id ORDER BY seq DESC LIMIT $limit";
        query.Parameters.AddWithValue("$id", id);
        query.Parameters.AddWithValue("$limit", last ?? -1);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var messages = new List<ConversationMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ConversationMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<Answer>(reader.GetString(3), StoredJsonOptions.Default),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
        }
        messages.Reverse();
        return new Conversation(id, ownerId, title, createdAt, messages);
    }

    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(string ownerId, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, created_at FROM conversations WHERE owner_id = $owner ORDER BY created_at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$owner", ownerId);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<ConversationSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(new ConversationSummary(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return conversations;
    }

    public async Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default)
    {
        // Serialised before taking the write turn, so other writers never wait on JSON work.
        var rows = new[] { question, answer }
            .Select(message => (message, Json: message.Answer is null ? null : JsonSerializer.Serialize(message.Answer, StoredJsonOptions.Default)))
            .ToList();
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var next = connection.CreateCommand();
        next.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = $id";
        next.Parameters.AddWithValue("$id", conversationId);
        var seq = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        foreach (var (message, json) in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO messages(id, conversation_id, seq, role, content, answer_json, created_at)
                VALUES($id, $conversation, $seq, $role, $content, $answer, $at)
                """;
            insert.Parameters.AddWithValue("$id", message.Id);
            insert.Parameters.AddWithValue("$conversation", conversationId);
            insert.Parameters.AddWithValue("$seq", ++seq);
            insert.Parameters.AddWithValue("$role", message.Role);
            insert.Parameters.AddWithValue("$content", message.Content);
            insert.Parameters.AddWithValue("$answer", (object?)json ?? DBNull.Value);
            insert.Parameters.AddWithValue("$at", message.CreatedAt.ToString("O"));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        // The first question names the conversation in lists.
        await using var title = connection.CreateCommand();
        title.CommandText = "UPDATE conversations SET title = COALESCE(title, $title) WHERE id = $id";
        title.Parameters.AddWithValue("$title", question.Content.Length > 80 ? question.Content[..80] + "…" : question.Content);
        title.Parameters.AddWithValue("$id", conversationId);
        await title.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
