using System.Globalization;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Budgets;

/// <summary>The SQL of <see cref="SqliteBudgetStore"/>, each statement run inside the caller's transaction (if any).</summary>
internal sealed class SqliteBudgetLedger(SqliteConnection connection, SqliteTransaction? transaction)
{
    public async Task<Dictionary<string, decimal>> LimitsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT scope, limit_usd FROM budget_limits");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            limits[reader.GetString(0)] = decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        }
        return limits;
    }

    public async Task<BudgetUsage> UsageAsync(BudgetAccount account, decimal limit, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT spent_nanos, reserved_nanos FROM budget_accounts WHERE scope = $scope AND key = $key AND period = $period");
        command.Parameters.AddWithValue("$scope", account.Scope);
        command.Parameters.AddWithValue("$key", account.Key);
        command.Parameters.AddWithValue("$period", account.Period);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var (spent, reserved) = await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : (0L, 0L);
        return new BudgetUsage(account.Scope, account.Kind, account.Key, account.Period, limit, Nanodollars.ToUsd(spent), Nanodollars.ToUsd(reserved));
    }

    public async Task AddAsync(BudgetUsage account, long spent, long reserved, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO budget_accounts(scope, kind, key, period, spent_nanos, reserved_nanos) VALUES($scope, $kind, $key, $period, $spent, MAX($reserved, 0))
            ON CONFLICT(scope, key, period) DO UPDATE SET
                spent_nanos = spent_nanos + $spent,
                reserved_nanos = MAX(reserved_nanos + $reserved, 0)
            """);
        command.Parameters.AddWithValue("$scope", account.Scope);
        command.Parameters.AddWithValue("$kind", account.Kind);
        command.Parameters.AddWithValue("$key", account.Key);
        command.Parameters.AddWithValue("$period", account.Period);
        command.Parameters.AddWithValue("$spent", spent);
        command.Parameters.AddWithValue("$reserved", reserved);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddReservationAsync(string id, long nanos, IReadOnlyList<BudgetAccount> accounts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command("INSERT INTO budget_reservations(id, amount_nanos, accounts, created_at) VALUES($id, $amount, $accounts, $at)");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$amount", nanos);
        command.Parameters.AddWithValue("$accounts", SqliteBudgetStore.Serialize(accounts));
        command.Parameters.AddWithValue("$at", at.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes the reservation and returns it, or null when it is gone (closed already).</summary>
    public async Task<SqliteBudgetStore.StoredReservation?> TakeReservationAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM budget_reservations WHERE id = $id RETURNING amount_nanos, accounts");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SqliteBudgetStore.StoredReservation(reader.GetInt64(0), SqliteBudgetStore.Deserialize(reader.GetString(1)))
            : null;
    }

    /// <summary>Removes and returns every reservation made before <paramref name="cutoff"/>.</summary>
    public async Task<List<SqliteBudgetStore.StoredReservation>> TakeReservationsBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = Command("DELETE FROM budget_reservations WHERE created_at < $cutoff RETURNING amount_nanos, accounts");
        command.Parameters.AddWithValue("$cutoff", cutoff.ToString("O"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var taken = new List<SqliteBudgetStore.StoredReservation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(new SqliteBudgetStore.StoredReservation(reader.GetInt64(0), SqliteBudgetStore.Deserialize(reader.GetString(1))));
        }
        return taken;
    }

    /// <summary>Records the crossing unless this account already crossed this level in this period; returns it when new.</summary>
    public async Task<BudgetEvent?> RecordEventAsync(BudgetUsage usage, string level, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var crossing = new BudgetEvent(Ids.New("bevt"), at, usage.Scope, usage.Kind, usage.Key, usage.Period, level, usage.Limit, usage.Used);
        await using var command = Command("""
            INSERT OR IGNORE INTO budget_events(id, at, scope, kind, key, period, level, limit_usd, used_nanos)
            VALUES($id, $at, $scope, $kind, $key, $period, $level, $limit, $used)
            """);
        command.Parameters.AddWithValue("$id", crossing.Id);
        command.Parameters.AddWithValue("$at", at.ToString("O"));
        command.Parameters.AddWithValue("$scope", usage.Scope);
        command.Parameters.AddWithValue("$kind", usage.Kind);
        command.Parameters.AddWithValue("$key", usage.Key);
        command.Parameters.AddWithValue("$period", usage.Period);
        command.Parameters.AddWithValue("$level", level);
        command.Parameters.AddWithValue("$limit", usage.Limit.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$used", Nanodollars.From(usage.Used));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? crossing : null;
    }

    public async Task<List<BudgetUsage>> AccountsAsync(IReadOnlyCollection<string> periods, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT scope, kind, key, period, spent_nanos, reserved_nanos FROM budget_accounts ORDER BY scope, key");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<BudgetUsage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (periods.Contains(reader.GetString(3)))
            {
                accounts.Add(new BudgetUsage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), 0,
                    Nanodollars.ToUsd(reader.GetInt64(4)), Nanodollars.ToUsd(reader.GetInt64(5))));
            }
        }
        return accounts;
    }

    public async Task<IReadOnlyList<BudgetEvent>> EventsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command("SELECT id, at, scope, kind, key, period, level, limit_usd, used_nanos FROM budget_events ORDER BY at DESC, id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<BudgetEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new BudgetEvent(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                decimal.Parse(reader.GetString(7), CultureInfo.InvariantCulture), Nanodollars.ToUsd(reader.GetInt64(8))));
        }
        return events;
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}
