using System.Globalization;
using System.Text.Json;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Budgets;

/// <summary>
/// Budgets in the app database. Each reservation, settlement and release is one immediate transaction taken in the
/// database's write turn: the check against the limit and the update that spends are never separated, in this
/// process (the write turn) or across processes (BEGIN IMMEDIATE holds SQLite's write lock).
/// </summary>
public sealed class SqliteBudgetStore(SqliteDatabase database, TimeProvider clock) : IBudgetStore
{
    /// <summary>
    /// A reservation this old belongs to a process that died mid-call (a call with every retry takes minutes at
    /// most): the next reservation gives it back, so a crash does not hold budget until the period ends.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS budget_accounts (
            scope          TEXT NOT NULL,
            kind           TEXT NOT NULL,
            key            TEXT NOT NULL,
            period         TEXT NOT NULL,
            spent_nanos    INTEGER NOT NULL DEFAULT 0,
            reserved_nanos INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (scope, key, period)
        );
        CREATE TABLE IF NOT EXISTS budget_reservations (
            id           TEXT PRIMARY KEY,
            amount_nanos INTEGER NOT NULL,
            accounts     TEXT NOT NULL,
            created_at   TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_budget_reservations_created ON budget_reservations(created_at);
        CREATE TABLE IF NOT EXISTS budget_limits (
            scope      TEXT PRIMARY KEY,
            limit_usd  TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS budget_events (
            id         TEXT PRIMARY KEY,
            at         TEXT NOT NULL,
            scope      TEXT NOT NULL,
            kind       TEXT NOT NULL,
            key        TEXT NOT NULL,
            period     TEXT NOT NULL,
            level      TEXT NOT NULL,
            limit_usd  TEXT NOT NULL,
            used_nanos INTEGER NOT NULL,
            UNIQUE (scope, key, period, level)
        );
        CREATE INDEX IF NOT EXISTS ix_budget_events_at ON budget_events(at);
        """);

    public async Task<BudgetReservation> ReserveAsync(IReadOnlyList<BudgetAccount> accounts, decimal amount, decimal softFraction, CancellationToken cancellationToken = default)
    {
        var nanos = Nanodollars.From(amount);
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var transaction = (SqliteTransaction)await writer.Connection.BeginTransactionAsync(cancellationToken);
        var ledger = new SqliteBudgetLedger(writer.Connection, transaction);
        foreach (var stale in await ledger.TakeReservationsBeforeAsync(Now - StaleAfter, cancellationToken))
        {
            foreach (var account in stale.Accounts)
            {
                await ledger.AddAsync(await ledger.UsageAsync(account, 0, cancellationToken), spent: 0, reserved: -stale.AmountNanos, cancellationToken);
            }
        }
        var limits = await ledger.LimitsAsync(cancellationToken);
        var before = new List<BudgetUsage>(accounts.Count);
        foreach (var account in accounts)
        {
            var usage = await ledger.UsageAsync(account, limits.GetValueOrDefault(account.Scope, account.DefaultLimit), cancellationToken);
            if (Nanodollars.From(usage.Used) + nanos > Nanodollars.From(usage.Limit))
            {
                var refusal = await ledger.RecordEventAsync(usage, BudgetLevels.Limit, Now, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new BudgetReservation(null, usage, before, refusal is null ? [] : [refusal]);
            }
            before.Add(usage);
        }

        var id = Ids.New("budget");
        var after = new List<BudgetUsage>(accounts.Count);
        var crossings = new List<BudgetEvent>();
        foreach (var usage in before)
        {
            await ledger.AddAsync(usage, spent: 0, reserved: nanos, cancellationToken);
            var now = usage with { Reserved = usage.Reserved + Nanodollars.ToUsd(nanos) };
            after.Add(now);
            var soft = usage.Limit * softFraction;
            if (usage.Used < soft && now.Used >= soft && await ledger.RecordEventAsync(now, BudgetLevels.Soft, Now, cancellationToken) is { } crossing)
            {
                crossings.Add(crossing);
            }
        }
        await ledger.AddReservationAsync(id, nanos, accounts, Now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BudgetReservation(id, null, after, crossings);
    }

    public Task<IReadOnlyList<BudgetUsage>> SettleAsync(string reservationId, decimal cost, CancellationToken cancellationToken = default) =>
        CloseAsync(reservationId, Nanodollars.From(cost), cancellationToken);

    public Task<IReadOnlyList<BudgetUsage>> ReleaseAsync(string reservationId, CancellationToken cancellationToken = default) =>
        CloseAsync(reservationId, 0, cancellationToken);

    private async Task<IReadOnlyList<BudgetUsage>> CloseAsync(string reservationId, long costNanos, CancellationToken cancellationToken)
    {
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var transaction = (SqliteTransaction)await writer.Connection.BeginTransactionAsync(cancellationToken);
        var ledger = new SqliteBudgetLedger(writer.Connection, transaction);
        if (await ledger.TakeReservationAsync(reservationId, cancellationToken) is not { } reservation)
        {
            // Settled or released already: a second close must not give the money back twice.
            return [];
        }
        var limits = await ledger.LimitsAsync(cancellationToken);
        var after = new List<BudgetUsage>();
        foreach (var account in reservation.Accounts)
        {
            var usage = await ledger.UsageAsync(account, limits.GetValueOrDefault(account.Scope, account.DefaultLimit), cancellationToken);
            await ledger.AddAsync(usage, spent: costNanos, reserved: -reservation.AmountNanos, cancellationToken);
            after.Add(usage with
            {
                Spent = usage.Spent + Nanodollars.ToUsd(costNanos),
                Reserved = usage.Reserved - Nanodollars.ToUsd(reservation.AmountNanos),
            });
        }
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    public async Task<IReadOnlyList<BudgetUsage>> ListUsageAsync(IReadOnlyCollection<string> periods, Func<string, decimal> defaultLimit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var ledger = new SqliteBudgetLedger(connection, null);
        var limits = await ledger.LimitsAsync(cancellationToken);
        return (await ledger.AccountsAsync(periods, cancellationToken))
            .Select(usage => usage with { Limit = limits.GetValueOrDefault(usage.Scope, defaultLimit(usage.Scope)) })
            .ToList();
    }

    public async Task<IReadOnlyList<BudgetLimit>> ListLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT scope, limit_usd, updated_by, updated_at FROM budget_limits ORDER BY scope";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new List<BudgetLimit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            limits.Add(new BudgetLimit(reader.GetString(0), decimal.Parse(reader.GetString(1), CultureInfo.InvariantCulture), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }
        return limits;
    }

    public async Task<BudgetLimit> SetLimitAsync(string scope, decimal limit, string updatedBy, CancellationToken cancellationToken = default)
    {
        var stored = new BudgetLimit(scope, limit, updatedBy, Now);
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = """
            INSERT INTO budget_limits(scope, limit_usd, updated_by, updated_at) VALUES($scope, $limit, $by, $at)
            ON CONFLICT(scope) DO UPDATE SET limit_usd = excluded.limit_usd, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$limit", limit.ToString(CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$by", updatedBy);
        command.Parameters.AddWithValue("$at", stored.UpdatedAt.ToString("O"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<BudgetEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await new SqliteBudgetLedger(connection, null).EventsAsync(limit, cancellationToken);
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    internal sealed record StoredReservation(long AmountNanos, IReadOnlyList<BudgetAccount> Accounts);

    internal static string Serialize(IReadOnlyList<BudgetAccount> accounts) => JsonSerializer.Serialize(accounts, StoredJsonOptions.Default);

    internal static IReadOnlyList<BudgetAccount> Deserialize(string json) => JsonSerializer.Deserialize<List<BudgetAccount>>(json, StoredJsonOptions.Default)!;
}
