using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Budgets;

/// <summary>
/// Budgets in the PostgreSQL database replicas share; the same contract as <see cref="SqliteBudgetStore"/>. A
/// reservation locks its accounts' rows (SELECT ... FOR UPDATE) before it reads them, so the check against the limit
/// and the update that spends are never separated, whichever replica runs them. Rows are always locked in one order
/// (scope, key, period), so two reservations sharing accounts queue instead of deadlocking.
/// </summary>
public sealed class PostgresBudgetStore(PostgresDatabase database, TimeProvider clock) : IBudgetStore
{
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS budget_accounts (
            scope          text NOT NULL,
            kind           text NOT NULL,
            key            text NOT NULL,
            period         text NOT NULL,
            spent_nanos    bigint NOT NULL DEFAULT 0,
            reserved_nanos bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (scope, key, period)
        );
        CREATE TABLE IF NOT EXISTS budget_reservations (
            id           text PRIMARY KEY,
            amount_nanos bigint NOT NULL,
            accounts     jsonb NOT NULL,
            created_at   timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_budget_reservations_created ON budget_reservations(created_at);
        CREATE TABLE IF NOT EXISTS budget_limits (
            scope      text PRIMARY KEY,
            limit_usd  numeric NOT NULL,
            updated_by text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS budget_events (
            id         text PRIMARY KEY,
            at         timestamptz NOT NULL,
            scope      text NOT NULL,
            kind       text NOT NULL,
            key        text NOT NULL,
            period     text NOT NULL,
            level      text NOT NULL,
            limit_usd  numeric NOT NULL,
            used_nanos bigint NOT NULL,
            UNIQUE (scope, key, period, level)
        );
        CREATE INDEX IF NOT EXISTS ix_budget_events_at ON budget_events(at);
        """);

    public async Task<BudgetReservation> ReserveAsync(IReadOnlyList<BudgetAccount> accounts, decimal amount, decimal softFraction, CancellationToken cancellationToken = default)
    {
        var nanos = Nanodollars.From(amount);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await ReleaseStaleAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ledger = new PostgresBudgetLedger(connection, transaction);
        var limits = await ledger.LimitsAsync(cancellationToken);
        var locked = await ledger.LockAsync(accounts, limits, cancellationToken);
        var before = new List<BudgetUsage>(accounts.Count);
        foreach (var usage in accounts.Select(account => locked[account]))
        {
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

    /// <summary>
    /// Gives back reservations older than <see cref="SqliteBudgetStore.StaleAfter"/>, in a transaction of its own
    /// (so its account locks never interleave with the reservation's). SKIP LOCKED: a reservation another replica is
    /// closing or reclaiming right now is theirs.
    /// </summary>
    private async Task ReleaseStaleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ledger = new PostgresBudgetLedger(connection, transaction);
        var stale = await ledger.TakeReservationsBeforeAsync(Now - SqliteBudgetStore.StaleAfter, cancellationToken);
        if (stale.Count > 0)
        {
            var owed = stale.SelectMany(reservation => reservation.Accounts.Select(account => (account, reservation.AmountNanos)))
                .GroupBy(item => item.account, item => item.AmountNanos, PostgresBudgetLedger.AccountIdentity)
                .ToDictionary(group => group.Key, group => group.Sum(), PostgresBudgetLedger.AccountIdentity);
            var locked = await ledger.LockAsync(owed.Keys.ToList(), new Dictionary<string, decimal>(), cancellationToken);
            foreach (var (account, amount) in owed)
            {
                await ledger.AddAsync(locked[account], spent: 0, reserved: -amount, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<BudgetUsage>> SettleAsync(string reservationId, decimal cost, CancellationToken cancellationToken = default) =>
        CloseAsync(reservationId, Nanodollars.From(cost), cancellationToken);

    public Task<IReadOnlyList<BudgetUsage>> ReleaseAsync(string reservationId, CancellationToken cancellationToken = default) =>
        CloseAsync(reservationId, 0, cancellationToken);

    private async Task<IReadOnlyList<BudgetUsage>> CloseAsync(string reservationId, long costNanos, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ledger = new PostgresBudgetLedger(connection, transaction);
        // The DELETE is the claim: of two replicas closing one reservation, the second deletes nothing and must not
        // give the money back twice.
        if (await ledger.TakeReservationAsync(reservationId, cancellationToken) is not { } reservation)
        {
            return [];
        }
        var limits = await ledger.LimitsAsync(cancellationToken);
        var locked = await ledger.LockAsync(reservation.Accounts, limits, cancellationToken);
        var after = new List<BudgetUsage>();
        foreach (var usage in reservation.Accounts.Select(account => locked[account]))
        {
            await ledger.AddAsync(usage, spent: costNanos, reserved: -reservation.AmountNanos, cancellationToken);
            after.Add(usage with
            {
                Spent = usage.Spent + Nanodollars.ToUsd(costNanos),
                Reserved = Math.Max(0, usage.Reserved - Nanodollars.ToUsd(reservation.AmountNanos)),
            });
        }
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    public async Task<IReadOnlyList<BudgetUsage>> ListUsageAsync(IReadOnlyCollection<string> periods, Func<string, decimal> defaultLimit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        var ledger = new PostgresBudgetLedger(connection, null);
        var limits = await ledger.LimitsAsync(cancellationToken);
        return (await ledger.AccountsAsync(periods, cancellationToken))
            .Select(usage => usage with { Limit = limits.GetValueOrDefault(usage.Scope, defaultLimit(usage.Scope)) })
            .ToList();
    }

    public async Task<IReadOnlyList<BudgetLimit>> ListLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("SELECT scope, limit_usd, updated_by, updated_at FROM budget_limits ORDER BY scope", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var limits = new List<BudgetLimit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            limits.Add(new BudgetLimit(reader.GetString(0), reader.GetDecimal(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return limits;
    }

    public async Task<BudgetLimit> SetLimitAsync(string scope, decimal limit, string updatedBy, CancellationToken cancellationToken = default)
    {
        var stored = new BudgetLimit(scope, limit, updatedBy, PostgresTime.Truncate(Now));
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO budget_limits(scope, limit_usd, updated_by, updated_at) VALUES(@scope, @limit, @by, @at)
            ON CONFLICT(scope) DO UPDATE SET limit_usd = excluded.limit_usd, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """, connection);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("limit", NpgsqlDbType.Numeric, limit);
        command.Parameters.AddWithValue("by", updatedBy);
        command.Parameters.AddWithValue("at", stored.UpdatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<BudgetEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await new PostgresBudgetLedger(connection, null).EventsAsync(limit, cancellationToken);
    }

    private DateTimeOffset Now => PostgresTime.Truncate(clock.GetUtcNow());
}
