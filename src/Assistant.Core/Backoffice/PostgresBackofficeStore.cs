using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Npgsql;

namespace Assistant.Core.Backoffice;

/// <summary>
/// The demo backoffice in the PostgreSQL database replicas share; the same contract as <see cref="SqliteBackofficeStore"/>.
/// Every read-check-write locks the row it guards first (the invoice for a refund, the subscription for a plan
/// change, the customer for the ticket limit), so requests racing on different replicas queue on the database.
/// </summary>
public sealed class PostgresBackofficeStore(PostgresDatabase database, TimeProvider? time = null) : IBackofficeStore, IBackofficeSeedStore
{
    private DateTimeOffset Now => PostgresTime.Truncate((time ?? TimeProvider.System).GetUtcNow());

    private const string SubscriptionColumns = "id, customer_id, plan, seats, billing_cycle, status, price_per_seat_cents, renews_on";
    private const string OrderColumns = "id, customer_id, created_at, description, amount_cents, currency";
    private const string InvoiceColumns = "id, customer_id, number, issued_on, amount_cents, currency, status, refunded_cents";
    private const string TicketColumns = "id, customer_id, subject, body, status, created_at";

    // Invoice numbers are unique and found in any case (SQLite's COLLATE NOCASE), through an index on lower(number).
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS backoffice_customers (
            id       text PRIMARY KEY,
            username text NOT NULL UNIQUE,
            name     text NOT NULL,
            email    text NOT NULL,
            company  text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_subscriptions (
            id                   text PRIMARY KEY,
            customer_id          text NOT NULL UNIQUE REFERENCES backoffice_customers(id),
            plan                 text NOT NULL,
            seats                integer NOT NULL,
            billing_cycle        text NOT NULL,
            status               text NOT NULL,
            price_per_seat_cents bigint NOT NULL,
            renews_on            date NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_orders (
            id           text PRIMARY KEY,
            customer_id  text NOT NULL REFERENCES backoffice_customers(id),
            created_at   timestamptz NOT NULL,
            description  text NOT NULL,
            amount_cents bigint NOT NULL,
            currency     text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_backoffice_orders_customer ON backoffice_orders(customer_id, created_at);
        CREATE TABLE IF NOT EXISTS backoffice_invoices (
            id             text PRIMARY KEY,
            customer_id    text NOT NULL REFERENCES backoffice_customers(id),
            number         text NOT NULL,
            issued_on      date NOT NULL,
            amount_cents   bigint NOT NULL,
            currency       text NOT NULL,
            status         text NOT NULL,
            refunded_cents bigint NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_backoffice_invoices_number ON backoffice_invoices(lower(number));
        CREATE INDEX IF NOT EXISTS ix_backoffice_invoices_customer ON backoffice_invoices(customer_id, issued_on);
        CREATE TABLE IF NOT EXISTS backoffice_tickets (
            id          text PRIMARY KEY,
            customer_id text NOT NULL REFERENCES backoffice_customers(id),
            subject     text NOT NULL,
            body        text NOT NULL,
            status      text NOT NULL,
            created_at  timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_backoffice_tickets_customer ON backoffice_tickets(customer_id, created_at);
        CREATE TABLE IF NOT EXISTS backoffice_two_factor_resets (
            id                  text PRIMARY KEY,
            customer_id         text NOT NULL REFERENCES backoffice_customers(id),
            requested_by        text NOT NULL,
            identity_check_note text NOT NULL,
            created_at          timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_scheduled_changes (
            customer_id   text PRIMARY KEY REFERENCES backoffice_customers(id),
            plan          text NOT NULL,
            billing_cycle text NOT NULL,
            effective_on  date NOT NULL,
            created_at    timestamptz NOT NULL
        );
        """);

    public async Task<Customer?> GetCustomerAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "SELECT id, username, name, email, company FROM backoffice_customers WHERE username = @p1",
            [username], r => new Customer(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)), cancellationToken)).SingleOrDefault();
    }

    public async Task<Subscription?> GetSubscriptionAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await GetSubscriptionAsync(connection, null, customerId, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> ListOrdersAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {OrderColumns} FROM backoffice_orders WHERE customer_id = @p1 ORDER BY created_at DESC, id COLLATE \"C\" DESC",
            [customerId], ReadOrder, cancellationToken);
    }

    public async Task<IReadOnlyList<Invoice>> ListInvoicesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {InvoiceColumns} FROM backoffice_invoices WHERE customer_id = @p1 ORDER BY issued_on DESC, lower(number) COLLATE \"C\" DESC",
            [customerId], ReadInvoice, cancellationToken);
    }

    public async Task<Invoice?> GetInvoiceAsync(string customerId, string invoiceNumber, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await GetInvoiceAsync(connection, null, customerId, invoiceNumber, cancellationToken);
    }

    public async Task<Ticket> CreateTicketAsync(string customerId, string subject, string body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var ticket = new Ticket(Ids.New("ticket"), customerId, subject.Trim(), body.Trim(), Ticket.Open, Now);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await InsertTicketAsync(connection, null, ticket, cancellationToken);
        return ticket;
    }

    public async Task<Ticket?> CreateTicketWithinLimitAsync(string customerId, string subject, string body, int perDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var ticket = new Ticket(Ids.New("ticket"), customerId, subject.Trim(), body.Trim(), Ticket.Open, Now);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The customer's row lock orders every ticket opening for that customer, whichever replica runs it. The count
        // is a statement of its own: in READ COMMITTED each statement sees what was committed when it began, so only a
        // count taken after the lock is granted includes the ticket of the request that held it.
        await ExecuteAsync(connection, transaction, "SELECT 1 FROM backoffice_customers WHERE id = @p1 FOR UPDATE", [customerId], cancellationToken);
        await using (var count = new NpgsqlCommand(
            "SELECT COUNT(*) FROM backoffice_tickets WHERE customer_id = @customer AND created_at > @since", connection, transaction))
        {
            count.Parameters.AddWithValue("customer", customerId);
            count.Parameters.AddWithValue("since", ticket.CreatedAt.AddDays(-1).ToUniversalTime());
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= perDay)
            {
                return null;
            }
        }
        await InsertTicketAsync(connection, transaction, ticket, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ticket;
    }

    public async Task<IReadOnlyList<Ticket>> ListTicketsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // Ids are time-ordered (UUIDv7), so they break ties between tickets opened in the same microsecond.
        return await QueryAsync(connection, null, $"SELECT {TicketColumns} FROM backoffice_tickets WHERE customer_id = @p1 ORDER BY created_at DESC, id COLLATE \"C\" DESC",
            [customerId], r => new Ticket(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken);
    }

    public async Task<Subscription> ChangePlanAsync(string customerId, string newPlan, string? newCycle = null, CancellationToken cancellationToken = default)
    {
        var plan = BackofficeRules.PlanForChange(newPlan);
        var cycle = BackofficeRules.CycleForChange(newCycle);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await GetSubscriptionAsync(connection, transaction, customerId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"Customer '{customerId}' has no subscription to change.");
        var changed = BackofficeRules.Changed(current, plan, cycle);
        // A change made now replaces whatever was scheduled for the end of the period.
        await ExecuteAsync(connection, transaction, "DELETE FROM backoffice_scheduled_changes WHERE customer_id = @p1", [customerId], cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE backoffice_subscriptions SET plan = @p1, billing_cycle = @p2, price_per_seat_cents = @p3 WHERE id = @p4",
            [changed.Plan, changed.BillingCycle, BackofficeRules.ToCents(changed.PricePerSeat), changed.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<ScheduledPlanChange> ScheduleChangeAsync(string customerId, string newPlan, string newCycle, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        var (plan, cycle) = BackofficeRules.Scheduled(newPlan, newCycle);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        _ = await GetSubscriptionAsync(connection, transaction, customerId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"Customer '{customerId}' has no subscription to change.");
        var scheduled = new ScheduledPlanChange(customerId, plan, cycle, effectiveOn, Now);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO backoffice_scheduled_changes(customer_id, plan, billing_cycle, effective_on, created_at) VALUES(@p1, @p2, @p3, @p4, @p5)
            ON CONFLICT(customer_id) DO UPDATE SET plan = excluded.plan, billing_cycle = excluded.billing_cycle,
                effective_on = excluded.effective_on, created_at = excluded.created_at
            """, [customerId, plan, cycle, effectiveOn, scheduled.CreatedAt.ToUniversalTime()], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return scheduled;
    }

    public async Task<ScheduledPlanChange?> GetScheduledChangeAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "SELECT customer_id, plan, billing_cycle, effective_on, created_at FROM backoffice_scheduled_changes WHERE customer_id = @p1",
            [customerId], r => new ScheduledPlanChange(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetFieldValue<DateTimeOffset>(4)),
            cancellationToken)).SingleOrDefault();
    }

    public async Task<Invoice> RefundAsync(string customerId, string invoiceNumber, decimal amount, CancellationToken cancellationToken = default)
    {
        BackofficeRules.CheckRefundAmount(amount);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR UPDATE: two refunds of one invoice from any replicas serialise, so together they never exceed its amount.
        var invoice = await GetInvoiceAsync(connection, transaction, customerId, invoiceNumber, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"No invoice {invoiceNumber} was found for this customer.");
        var updated = BackofficeRules.Refunded(invoice, amount);
        await ExecuteAsync(connection, transaction, "UPDATE backoffice_invoices SET status = @p1, refunded_cents = @p2 WHERE id = @p3",
            [updated.Status, BackofficeRules.ToCents(updated.RefundedAmount), updated.Id], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<TwoFactorReset> RecordTwoFactorResetAsync(string customerId, string requestedBy, string note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var reset = new TwoFactorReset(Ids.New("twofactor"), customerId, requestedBy, note.Trim(), Now);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await ExecuteAsync(connection, null, "INSERT INTO backoffice_two_factor_resets(id, customer_id, requested_by, identity_check_note, created_at) VALUES(@p1, @p2, @p3, @p4, @p5)",
            [reset.Id, reset.CustomerId, reset.RequestedBy, reset.IdentityCheckNote, reset.CreatedAt.ToUniversalTime()], cancellationToken);
        return reset;
    }

    public async Task<bool> SeedIfEmptyAsync(BackofficeRecords records, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The table lock makes the check and the inserts one step: replicas starting at once seed only once (the
        // second waits, then finds the customers). Readers are not blocked by this mode.
        await ExecuteAsync(connection, transaction, "LOCK TABLE backoffice_customers IN SHARE ROW EXCLUSIVE MODE", [], cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT EXISTS(SELECT 1 FROM backoffice_customers)", connection, transaction))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return false;
            }
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var c in records.Customers)
        {
            batch.BatchCommands.Add(Batched("INSERT INTO backoffice_customers(id, username, name, email, company) VALUES(@p1, @p2, @p3, @p4, @p5)",
                c.Id, c.Username, c.Name, c.Email, c.Company));
        }
        foreach (var s in records.Subscriptions)
        {
            batch.BatchCommands.Add(Batched($"INSERT INTO backoffice_subscriptions({SubscriptionColumns}) VALUES(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                s.Id, s.CustomerId, s.Plan, s.Seats, s.BillingCycle, s.Status, BackofficeRules.ToCents(s.PricePerSeat), s.RenewsOn));
        }
        foreach (var o in records.Orders)
        {
            batch.BatchCommands.Add(Batched($"INSERT INTO backoffice_orders({OrderColumns}) VALUES(@p1, @p2, @p3, @p4, @p5, @p6)",
                o.Id, o.CustomerId, o.CreatedAt.ToUniversalTime(), o.Description, BackofficeRules.ToCents(o.Amount), o.Currency));
        }
        foreach (var i in records.Invoices)
        {
            batch.BatchCommands.Add(Batched($"INSERT INTO backoffice_invoices({InvoiceColumns}) VALUES(@p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)",
                i.Id, i.CustomerId, i.Number, i.IssuedOn, BackofficeRules.ToCents(i.Amount), i.Currency, i.Status, BackofficeRules.ToCents(i.RefundedAmount)));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task InsertTicketAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Ticket ticket, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_tickets({TicketColumns}) VALUES(@p1, @p2, @p3, @p4, @p5, @p6)",
            [ticket.Id, ticket.CustomerId, ticket.Subject, ticket.Body, ticket.Status, ticket.CreatedAt.ToUniversalTime()], cancellationToken);

    private static async Task<Subscription?> GetSubscriptionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string customerId,
        CancellationToken cancellationToken, bool forUpdate = false) =>
        (await QueryAsync(connection, transaction, $"SELECT {SubscriptionColumns} FROM backoffice_subscriptions WHERE customer_id = @p1" + (forUpdate ? " FOR UPDATE" : ""),
            [customerId], ReadSubscription, cancellationToken)).SingleOrDefault();

    private static async Task<Invoice?> GetInvoiceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string customerId, string invoiceNumber,
        CancellationToken cancellationToken, bool forUpdate = false) =>
        // Filtering on the owner as well as the number is the ownership check: another customer's number finds nothing.
        (await QueryAsync(connection, transaction,
            $"SELECT {InvoiceColumns} FROM backoffice_invoices WHERE customer_id = @p1 AND lower(number) = lower(@p2)" + (forUpdate ? " FOR UPDATE" : ""),
            [customerId, invoiceNumber.Trim()], ReadInvoice, cancellationToken)).SingleOrDefault();

    private static NpgsqlBatchCommand Batched(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i + 1}", values[i]);
        }
        return command;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i + 1}", values[i]);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        object[] values, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i + 1}", values[i]);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static Subscription ReadSubscription(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), BackofficeRules.FromCents(r.GetInt64(6)), r.GetFieldValue<DateOnly>(7));

    private static Order ReadOrder(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), BackofficeRules.FromCents(r.GetInt64(4)), r.GetString(5));

    private static Invoice ReadInvoice(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), BackofficeRules.FromCents(r.GetInt64(4)), r.GetString(5), r.GetString(6),
            BackofficeRules.FromCents(r.GetInt64(7)));
}
