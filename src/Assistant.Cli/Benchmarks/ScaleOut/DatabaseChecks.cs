using Npgsql;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// After a run, reads the shared PostgreSQL database (the stores' own tables, named as in their SQLite schemas) and
/// checks it against what the users were told: nothing accepted is missing, nothing ran twice, no approval was lost.
/// A table that is not there (its store not on PostgreSQL yet) fails the checks that need it, with that reason.
/// </summary>
internal static class DatabaseChecks
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(string connectionString, WriteLedger ledger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var tables = await StoredRows.TablesAsync(connection, cancellationToken);
        var data = new StoredRows(connection, tables);
        return
        [
            await RunAsync(MessageChecks.ConversationsName, ledger.Conversations.Count, () => MessageChecks.ConversationsAsync(data, ledger, cancellationToken)),
            await RunAsync(MessageChecks.MessagesName, ledger.Messages.Count(m => m.MessageId is not null), () => MessageChecks.MessagesAsync(data, ledger, cancellationToken)),
            await RunAsync(ActionChecks.ProposedName, ledger.Proposed.Count, () => ActionChecks.ProposedAsync(data, ledger, cancellationToken)),
            await RunAsync(ActionChecks.ConfirmedName, ledger.Confirmed.Count, () => ActionChecks.ConfirmedAsync(data, ledger, cancellationToken)),
            await RunAsync(ActionChecks.ApprovedName, ledger.Approved.Count, () => ActionChecks.ApprovedAsync(data, ledger, cancellationToken)),
            await RunAsync(ActionChecks.ExecutedName, 0, () => ActionChecks.ExecutedOnceAsync(data, ledger, cancellationToken)),
            await RunAsync(ActionChecks.DuplicatesName, 0, () => ActionChecks.NoDuplicatesAsync(data, cancellationToken)),
            await RunAsync(BackofficeChecks.RefundsName, 0, () => BackofficeChecks.RefundsAsync(data, cancellationToken)),
            await RunAsync(BackofficeChecks.TicketsName, 0, () => BackofficeChecks.TicketsAsync(data, cancellationToken)),
        ];
    }

    private static async Task<CheckResult> RunAsync(string name, int expected, Func<Task<CheckResult>> check)
    {
        try
        {
            return await check();
        }
        catch (MissingTablesException missing)
        {
            return CheckResult.Unavailable(name, expected, missing.Message);
        }
        catch (NpgsqlException exception)
        {
            return CheckResult.Unavailable(name, expected, $"the query failed: {exception.Message}");
        }
    }
}
