using Assistant.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Budgets;

/// <summary>The SQL of <see cref="PostgresBudgetStore"/>, each statement run inside the caller's transaction (if any).</summary>
internal sealed class PostgresBudgetLedger(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    /// <summary>An account's row is named by scope, key and period (the table's primary key); the default limit is not part of it.</summary>
    public static readonly IEqualityComparer<BudgetAccount> AccountIdentity = EqualityComparer<BudgetAccount>.Create(
        (a, b) => (a?.Scope, a?.Key, a?.Period) == (b?.Scope, b?.Key, b?.Period),
        account => HashCode.Combine(account.Scope, account.Key, account.Period));

    public async Task<Dictionary<string, decimal>> LimitsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT scope, limit_usd FROM budget_limits");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            limits[reader.GetString(0)] = reader.GetDecimal(1);
        }
        return limits;
    }

    /// <summary>
    /// Creates the accounts' rows if missing and locks them, in (scope, key, period) order, returning each one's
    /// usage under its limit (stored, else the account's default).
    /// </summary>
    public async Task<Dictionary<BudgetAccount, BudgetUsage>> LockAsync(IReadOnlyCollection<BudgetAccount> accounts, IReadOnlyDictionary<string, decimal> limits,
        CancellationToken cancellationToken)
    {
        var locked = new Dictionary<BudgetAccount, BudgetUsage>(AccountIdentity);
        var ordered = accounts.Distinct(AccountIdentity)
            .OrderBy(a => a.Scope, StringComparer.Ordinal).ThenBy(a => a.Key, StringComparer.Ordinal).ThenBy(a => a.Period, StringComparer.Ordinal);
        foreach (var account in ordered)
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var insert = new NpgsqlBatchCommand("INSERT INTO budget_accounts(scope, kind, key, period) VALUES(@scope, @kind, @key, @period) ON CONFLICT DO NOTHING");
            var select = new NpgsqlBatchCommand("SELECT spent_nanos, reserved_nanos FROM budget_accounts WHERE scope = @scope AND key = @key AND period = @period FOR UPDATE");
            foreach (var command in new[] { insert, select })
            {
                command.Parameters.AddWithValue("scope", account.Scope);
                command.Parameters.AddWithValue("key", account.Key);
                command.Parameters.AddWithValue("period", account.Period);
                batch.BatchCommands.Add(command);
            }
            insert.Parameters.AddWithValue("kind", account.Kind);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            locked[account] = new BudgetUsage(account.Scope, account.Kind, account.Key, account.Period,
                limits.GetValueOrDefault(account.Scope, account.DefaultLimit), Nanodollars.ToUsd(reader.GetInt64(0)), Nanodollars.ToUsd(reader.GetInt64(1)));
        }
        return locked;
    }

    public async Task AddAsync(BudgetUsage account, long spent, long reserved, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE budget_accounts SET spent_nanos = spent_nanos + @spent, reserved_nanos = GREATEST(reserved_nanos + @reserved, 0)
            WHERE scope = @scope AND key = @key AND period = @period
            """);
        command.Parameters.AddWithValue("scope", account.Scope);
        command.Parameters.AddWithValue("key", account.Key);
        command.Parameters.AddWithValue("period", account.Period);
        command.Parameters.AddWithValue("spent", spent);
        command.Parameters.AddWithValue("reserved", reserved);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddReservationAsync(string id, long nanos, IReadOnlyList<BudgetAccount> accounts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command("INSERT INTO budget_reservations(id, amount_nanos, accounts, created_at) VALUES(@id, @amount, @accounts, @at)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("amount", nanos);
        command.Parameters.AddWithValue("accounts", NpgsqlDbType.Jsonb, SqliteBudgetStore.Serialize(accounts));
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the reservation and returns it, or null when it is gone (closed already, here or on another replica).</summary>
    public async Task<SqliteBudgetStore.StoredReservation?> TakeReservationAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM budget_reservations WHERE id = @id RETURNING amount_nanos, accounts::text");
        command.Parameters.AddWithValue("id", id);
        return (await ReadReservationsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Removes and returns every reservation made before <paramref name="cutoff"/> that nobody else holds.</summary>
    public async Task<List<SqliteBudgetStore.StoredReservation>> TakeReservationsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            DELETE FROM budget_reservations
            WHERE id IN (SELECT id FROM budget_reservations WHERE created_at < @cutoff FOR UPDATE SKIP LOCKED)
            RETURNING amount_nanos, accounts::text
            """);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await ReadReservationsAsync(command, cancellationToken);
    }

    /// <summary>Records the crossing unless this account already crossed this level in this period; returns it when new.</summary>
    public async Task<BudgetEvent?> RecordEventAsync(BudgetUsage usage, string level, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var crossing = new BudgetEvent(Ids.New("bevt"), at, usage.Scope, usage.Kind, usage.Key, usage.Period, level, usage.Limit, usage.Used);
        await using var command = Command("""
            INSERT INTO budget_events(id, at, scope, kind, key, period, level, limit_usd, used_nanos)
            VALUES(@id, @at, @scope, @kind, @key, @period, @level, @limit, @used)
            ON CONFLICT (scope, key, period, level) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", crossing.Id);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("scope", usage.Scope);
        command.Parameters.AddWithValue("kind", usage.Kind);
        command.Parameters.AddWithValue("key", usage.Key);
        command.Parameters.AddWithValue("period", usage.Period);
        command.Parameters.AddWithValue("level", level);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Numeric, usage.Limit);
        command.Parameters.AddWithValue("used", Nanodollars.From(usage.Used));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? crossing : null;
    }

    public async Task<List<BudgetUsage>> AccountsAsync(IReadOnlyCollection<string> periods, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "SELECT scope, kind, key, period, spent_nanos, reserved_nanos FROM budget_accounts WHERE period = ANY(@periods) ORDER BY scope COLLATE \"C\", key COLLATE \"C\"");
        command.Parameters.AddWithValue("periods", periods.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<BudgetUsage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new BudgetUsage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), 0,
                Nanodollars.ToUsd(reader.GetInt64(4)), Nanodollars.ToUsd(reader.GetInt64(5))));
        }
        return accounts;
    }

    public async Task<IReadOnlyList<BudgetEvent>> EventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, at, scope, kind, key, period, level, limit_usd, used_nanos FROM budget_events ORDER BY at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<BudgetEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new BudgetEvent(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetDecimal(7), Nanodollars.ToUsd(reader.GetInt64(8))));
        }
        return events;
    }

    private static async Task<List<SqliteBudgetStore.StoredReservation>> ReadReservationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taken = new List<SqliteBudgetStore.StoredReservation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(new SqliteBudgetStore.StoredReservation(reader.GetInt64(0), SqliteBudgetStore.Deserialize(reader.GetString(1))));
        }
        return taken;
    }

    private NpgsqlCommand Command(string sql) => new(sql, connection, transaction);
}
