using Npgsql;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// What the measured time cost PostgreSQL, from its own counters (pg_stat_database and the WAL position) read before
/// and after: transactions (reads included: each statement outside a transaction counts), rows written and WAL bytes,
/// per answer. This is the "PostgreSQL write rate per answer" docs/scaling.md sizes a database with; requests other
/// than answers (search, actions, approvals) are in it too, in the run's mix.
/// </summary>
internal sealed record DatabaseActivity(
    double Seconds,
    long Transactions,
    long RowsInserted,
    long RowsUpdated,
    long WalBytes,
    long DatabaseBytes,
    double TransactionsPerAnswer,
    double RowsInsertedPerAnswer,
    double RowsUpdatedPerAnswer,
    double WalBytesPerAnswer)
{
    public static async Task<Counters> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT sum(xact_commit)::bigint, sum(tup_inserted)::bigint, sum(tup_updated)::bigint,
                   (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint, pg_database_size(current_database())
            FROM pg_stat_database
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Counters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }

    public static DatabaseActivity Between(Counters before, Counters after, double seconds, int answers)
    {
        var perAnswer = Math.Max(answers, 1);
        var transactions = after.Transactions - before.Transactions;
        var inserted = after.RowsInserted - before.RowsInserted;
        var updated = after.RowsUpdated - before.RowsUpdated;
        var wal = after.WalBytes - before.WalBytes;
        return new DatabaseActivity(seconds, transactions, inserted, updated, wal, after.DatabaseBytes,
            Math.Round((double)transactions / perAnswer, 2), Math.Round((double)inserted / perAnswer, 2),
            Math.Round((double)updated / perAnswer, 2), Math.Round((double)wal / perAnswer));
    }

    /// <summary>The server's cumulative counters at one moment.</summary>
    internal sealed record Counters(long Transactions, long RowsInserted, long RowsUpdated, long WalBytes, long DatabaseBytes);
}
