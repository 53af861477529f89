using System.Text.Json;
using Assistant.Core.Answers;
using Assistant.Core.Storage;

namespace Assistant.Core.Conversations;

public sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    private readonly Lazy<Task> _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS conversations (
            id         TEXT PRIMARY KEY,
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
        """);

    public async Task<Conversation> CreateAsync(CancellationToken cancellationToken = default)
    {
        var conversation = new Conversation(Ids.New("conv"), null, DateTimeOffset.UtcNow, []);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO conversations(id, created_at) VALUES($id, $at)";
        command.Parameters.AddWithValue("$id", conversation.Id);
        command.Parameters.AddWithValue("$at", conversation.CreatedAt.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return conversation;
    }

    public async Task<Conversation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var header = connection.CreateCommand();
        header.CommandText = "SELECT title, created_at FROM conversations WHERE id = $id";
        header.Parameters.AddWithValue("$id", id);
        await using var headerReader = await header.ExecuteReaderAsync(cancellationToken);
        if (!await headerReader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var title = headerReader.IsDBNull(0) ? null : headerReader.GetString(0);
        var createdAt = DateTimeOffset.Parse(headerReader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);

        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT id, role, content, answer_json, created_at FROM messages WHERE conversation_id = $id ORDER BY seq";
        query.Parameters.AddWithValue("$id", id);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var messages = new List<ConversationMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ConversationMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<Answer>(reader.GetString(3), StoredJsonOptions.Default),
                DateTimeOffset.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new Conversation(id, title, createdAt, messages);
    }

    public async Task AppendExchangeAsync(string conversationId, ConversationMessage question, ConversationMessage answer, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var next = connection.CreateCommand();
        next.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM messages WHERE conversation_id = $id";
        next.Parameters.AddWithValue("$id", conversationId);
        var seq = (long)(await next.ExecuteScalarAsync(cancellationToken))!;
        foreach (var message in new[] { question, answer })
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
            insert.Parameters.AddWithValue("$answer", message.Answer is null ? DBNull.Value : JsonSerializer.Serialize(message.Answer, StoredJsonOptions.Default));
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
