using Assistant.Core.Conversations;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tests.Support.Storage;
using Npgsql;

namespace Assistant.Web.Tests.Cli.ScaleOut;

/// <summary>
/// A PostgreSQL database as a scale-out run leaves it: conversations written by the real PostgreSQL conversation
/// store, and the action, audit and backoffice tables with the names and columns of their stores' schemas, so the
/// checks read what the product writes. Rows are added per test to say what happened.
/// </summary>
internal sealed class SeededRunDatabase : IAsyncDisposable
{
    // The columns the checks read, as the PostgreSQL stores of actions, audit and the backoffice declare them.
    private const string ActionTables = """
        CREATE TABLE pending_actions (
            id text PRIMARY KEY, tool text NOT NULL, arguments_json text NOT NULL, requested_by text NOT NULL,
            requester_role text NOT NULL, status text NOT NULL, decided_by text
        );
        CREATE TABLE action_transitions (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, action_id text NOT NULL REFERENCES pending_actions(id),
            from_status text NOT NULL, to_status text NOT NULL, actor text NOT NULL, role text NOT NULL
        );
        CREATE TABLE audit_log (
            sequence bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, id text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
            actor text NOT NULL, role text NOT NULL, event text NOT NULL, tool text NOT NULL, action_id text, outcome text NOT NULL
        );
        CREATE TABLE backoffice_invoices (id text PRIMARY KEY, number text NOT NULL UNIQUE, refunded_cents bigint NOT NULL DEFAULT 0);
        CREATE TABLE backoffice_tickets (id text PRIMARY KEY, customer_id text NOT NULL);
        INSERT INTO backoffice_invoices(id, number) VALUES ('inv_2026_0142', 'INV-2026-0142'), ('inv_2026_0455', 'INV-2026-0455');
        """;

    private readonly TestPostgresDatabase _database;
    private readonly PostgresDatabase _store;

    private SeededRunDatabase(TestPostgresDatabase database)
    {
        _database = database;
        _store = new PostgresDatabase(database.ConnectionString);
        Conversations = new PostgresConversationStore(_store);
    }

    public string ConnectionString => _database.ConnectionString;

    public PostgresConversationStore Conversations { get; }

    public static async Task<SeededRunDatabase> CreateAsync(bool withActionTables = true)
    {
        var seeded = new SeededRunDatabase(await TestPostgres.CreateDatabaseAsync());
        if (withActionTables)
        {
            await seeded.ExecuteAsync(ActionTables);
        }
        return seeded;
    }

    /// <summary>A conversation with one stored exchange; returns the answer's id, as the client got it.</summary>
    public async Task<(string ConversationId, string MessageId)> ExchangeAsync(string question, string? conversationId = null)
    {
        conversationId ??= (await Conversations.CreateAsync("alice")).Id;
        var answerId = $"trace_{Guid.NewGuid():N}";
        await Conversations.AppendExchangeAsync(conversationId,
            new ConversationMessage($"msg_{Guid.NewGuid():N}", "user", question, null, DateTimeOffset.UtcNow),
            new ConversationMessage(answerId, "assistant", "An answer.", null, DateTimeOffset.UtcNow));
        return (conversationId, answerId);
    }

    /// <summary>A refund alice proposed, confirmed and sam approved, executed with its transitions and audit rows.</summary>
    public async Task ExecutedRefundAsync(string id, string invoice, int cents, string approver = "sam")
    {
        await ExecuteAsync($$"""
            INSERT INTO pending_actions VALUES ('{{id}}', 'request_refund', '{"invoice": "{{invoice}}", "amount": {{cents / 100m}}, "reason": "r"}', 'alice', 'user', 'executed', '{{approver}}');
            INSERT INTO action_transitions(action_id, from_status, to_status, actor, role) VALUES
                ('{{id}}', 'proposed', 'awaiting-user', 'alice', 'user'), ('{{id}}', 'awaiting-user', 'awaiting-approval', 'alice', 'user'),
                ('{{id}}', 'awaiting-approval', 'approved', '{{approver}}', 'agent'), ('{{id}}', 'approved', 'executing', '{{approver}}', 'agent'),
                ('{{id}}', 'executing', 'executed', '{{approver}}', 'agent');
            INSERT INTO audit_log(actor, role, event, tool, action_id, outcome) VALUES
                ('alice', 'user', 'proposed', 'request_refund', '{{id}}', 'ok'), ('alice', 'user', 'confirmed', 'request_refund', '{{id}}', 'ok'),
                ('{{approver}}', 'agent', 'approved', 'request_refund', '{{id}}', 'ok'), ('{{approver}}', 'agent', 'executed', 'request_refund', '{{id}}', 'ok');
            UPDATE backoffice_invoices SET refunded_cents = refunded_cents + {{cents}} WHERE number = '{{invoice}}';
            """);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        await _database.DisposeAsync();
    }
}
