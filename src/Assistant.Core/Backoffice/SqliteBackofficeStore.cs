using System.Globalization;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Core.Backoffice;

public sealed class SqliteBackofficeStore(SqliteDatabase database, TimeProvider? time = null) : IBackofficeStore, IBackofficeSeedStore
{
    // Stamps come from the same clock the tools compare them with (the ticket limit counts the last 24 hours).
    private DateTimeOffset Now => (time ?? TimeProvider.System).GetUtcNow();

    private const string SubscriptionColumns = "id, customer_id, plan, seats, billing_cycle, status, price_per_seat_cents, renews_on";
    private const string OrderColumns = "id, customer_id, created_at, description, amount_cents, currency";
    private const string InvoiceColumns = "id, customer_id, number, issued_on, amount_cents, currency, status, refunded_cents";
    private const string TicketColumns = "id, customer_id, subject, body, status, created_at";

    // Money is kept in whole cents so sums and comparisons are exact in SQL as well as in C#. Tables carry a
    // backoffice_ prefix because they share the assistant's one database file with every other store.
    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS backoffice_customers (
            id       TEXT PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            name     TEXT NOT NULL,
            email    TEXT NOT NULL,
            company  TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_subscriptions (
            id                   TEXT PRIMARY KEY,
            customer_id          TEXT NOT NULL UNIQUE REFERENCES backoffice_customers(id),
            plan                 TEXT NOT NULL,
            seats                INTEGER NOT NULL,
            billing_cycle        TEXT NOT NULL,
            status               TEXT NOT NULL,
            price_per_seat_cents INTEGER NOT NULL,
            renews_on            TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_orders (
            id           TEXT PRIMARY KEY,
            customer_id  TEXT NOT NULL REFERENCES backoffice_customers(id),
            created_at   TEXT NOT NULL,
            description  TEXT NOT NULL,
            amount_cents INTEGER NOT NULL,
            currency     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_backoffice_orders_customer ON backoffice_orders(customer_id, created_at);
        CREATE TABLE IF NOT EXISTS backoffice_invoices (
            id             TEXT PRIMARY KEY,
            customer_id    TEXT NOT NULL REFERENCES backoffice_customers(id),
            number         TEXT NOT NULL UNIQUE COLLATE NOCASE,
            issued_on      TEXT NOT NULL,
            amount_cents   INTEGER NOT NULL,
            currency       TEXT NOT NULL,
            status         TEXT NOT NULL,
            refunded_cents INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_backoffice_invoices_customer ON backoffice_invoices(customer_id, issued_on);
        CREATE TABLE IF NOT EXISTS backoffice_tickets (
            id          TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES backoffice_customers(id),
            subject     TEXT NOT NULL,
            body        TEXT NOT NULL,
            status      TEXT NOT NULL,
            created_at  TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_backoffice_tickets_customer ON backoffice_tickets(customer_id, created_at);
        CREATE TABLE IF NOT EXISTS backoffice_two_factor_resets (
            id                  TEXT PRIMARY KEY,
            customer_id         TEXT NOT NULL REFERENCES backoffice_customers(id),
            requested_by        TEXT NOT NULL,
            identity_check_note TEXT NOT NULL,
            created_at          TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS backoffice_scheduled_changes (
            customer_id   TEXT PRIMARY KEY REFERENCES backoffice_customers(id),
            plan          TEXT NOT NULL,
            billing_cycle TEXT NOT NULL,
            effective_on  TEXT NOT NULL,
            created_at    TEXT NOT NULL
        );
        """);

    public async Task<Customer?> GetCustomerAsync(string username, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "SELECT id, username, name, email, company FROM backoffice_customers WHERE username = $username",
            [("$username", username)], ReadCustomer, cancellationToken)).SingleOrDefault();
    }

    public async Task<Subscription?> GetSubscriptionAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await GetSubscriptionAsync(connection, null, customerId, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> ListOrdersAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {OrderColumns} FROM backoffice_orders WHERE customer_id = $customer ORDER BY created_at DESC, id DESC",
            [("$customer", customerId)], ReadOrder, cancellationToken);
    }

    public async Task<IReadOnlyList<Invoice>> ListInvoicesAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await QueryAsync(connection, null, $"SELECT {InvoiceColumns} FROM backoffice_invoices WHERE customer_id = $customer ORDER BY issued_on DESC, number DESC",
            [("$customer", customerId)], ReadInvoice, cancellationToken);
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
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_tickets({TicketColumns}) VALUES($1, $2, $3, $4, $5, $6)",
            [ticket.Id, ticket.CustomerId, ticket.Subject, ticket.Body, ticket.Status, ticket.CreatedAt.ToString("O")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ticket;
    }

    public async Task<Ticket?> CreateTicketWithinLimitAsync(string customerId, string subject, string body, int perDay, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        var ticket = new Ticket(Ids.New("ticket"), customerId, subject.Trim(), body.Trim(), Ticket.Open, Now);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // BEGIN IMMEDIATE: the count and the insert share the write lock, so two requests never both take the last place.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT COUNT(*) FROM backoffice_tickets WHERE customer_id = $customer AND created_at > $since";
            count.Parameters.AddWithValue("$customer", customerId);
            count.Parameters.AddWithValue("$since", ticket.CreatedAt.AddDays(-1).ToString("O"));
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! >= perDay)
            {
                return null;
            }
        }
        await ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_tickets({TicketColumns}) VALUES($1, $2, $3, $4, $5, $6)",
            [ticket.Id, ticket.CustomerId, ticket.Subject, ticket.Body, ticket.Status, ticket.CreatedAt.ToString("O")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ticket;
    }

    public async Task<IReadOnlyList<Ticket>> ListTicketsAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // Ids are time-ordered (UUIDv7), so they break ties between tickets opened in the same tick.
        return await QueryAsync(connection, null, $"SELECT {TicketColumns} FROM backoffice_tickets WHERE customer_id = $customer ORDER BY created_at DESC, id DESC",
            [("$customer", customerId)], ReadTicket, cancellationToken);
    }

    public async Task<Subscription> ChangePlanAsync(string customerId, string newPlan, string? newCycle = null, CancellationToken cancellationToken = default)
    {
        var plan = BackofficeRules.PlanForChange(newPlan);
        var cycle = BackofficeRules.CycleForChange(newCycle);

        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // BEGIN IMMEDIATE: the current cycle is read and the new price written under one write lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = await GetSubscriptionAsync(connection, transaction, customerId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer '{customerId}' has no subscription to change.");
        var changed = BackofficeRules.Changed(current, plan, cycle);
        // A change made now replaces whatever was scheduled for the end of the period.
        await ExecuteAsync(connection, transaction, "DELETE FROM backoffice_scheduled_changes WHERE customer_id = $1", [customerId], cancellationToken);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE backoffice_subscriptions SET plan = $plan, billing_cycle = $cycle, price_per_seat_cents = $price WHERE id = $id";
            update.Parameters.AddWithValue("$plan", changed.Plan);
            update.Parameters.AddWithValue("$cycle", changed.BillingCycle);
            update.Parameters.AddWithValue("$price", ToCents(changed.PricePerSeat));
            update.Parameters.AddWithValue("$id", changed.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    public async Task<ScheduledPlanChange> ScheduleChangeAsync(string customerId, string newPlan, string newCycle, DateOnly effectiveOn, CancellationToken cancellationToken = default)
    {
        var (plan, cycle) = BackofficeRules.Scheduled(newPlan, newCycle);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        _ = await GetSubscriptionAsync(connection, transaction, customerId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer '{customerId}' has no subscription to change.");
        var scheduled = new ScheduledPlanChange(customerId, plan, cycle, effectiveOn, Now);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO backoffice_scheduled_changes(customer_id, plan, billing_cycle, effective_on, created_at) VALUES($1, $2, $3, $4, $5)
            ON CONFLICT(customer_id) DO UPDATE SET plan = excluded.plan, billing_cycle = excluded.billing_cycle,
                effective_on = excluded.effective_on, created_at = excluded.created_at
            """, [customerId, plan, cycle, effectiveOn.ToString("O", CultureInfo.InvariantCulture), scheduled.CreatedAt.ToString("O")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return scheduled;
    }

    public async Task<ScheduledPlanChange?> GetScheduledChangeAsync(string customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return (await QueryAsync(connection, null, "SELECT customer_id, plan, billing_cycle, effective_on, created_at FROM backoffice_scheduled_changes WHERE customer_id = $customer",
            [("$customer", customerId)], r => new ScheduledPlanChange(r.GetString(0), r.GetString(1), r.GetString(2), ParseDate(r.GetString(3)), ParseTimestamp(r.GetString(4))),
            cancellationToken)).SingleOrDefault();
    }

    public async Task<Invoice> RefundAsync(string customerId, string invoiceNumber, decimal amount, CancellationToken cancellationToken = default)
    {
        BackofficeRules.CheckRefundAmount(amount);

        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        // BEGIN IMMEDIATE: two refunds of one invoice serialise, so together they can never exceed its amount.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var invoice = await GetInvoiceAsync(connection, transaction, customerId, invoiceNumber, cancellationToken)
            ?? throw new InvalidOperationException($"No invoice {invoiceNumber} was found for this customer.");
        var updated = BackofficeRules.Refunded(invoice, amount);
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE backoffice_invoices SET status = $status, refunded_cents = $refunded WHERE id = $id";
            update.Parameters.AddWithValue("$status", updated.Status);
            update.Parameters.AddWithValue("$refunded", ToCents(updated.RefundedAmount));
            update.Parameters.AddWithValue("$id", updated.Id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public async Task<TwoFactorReset> RecordTwoFactorResetAsync(string customerId, string requestedBy, string note, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var reset = new TwoFactorReset(Ids.New("twofactor"), customerId, requestedBy, note.Trim(), Now);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO backoffice_two_factor_resets(id, customer_id, requested_by, identity_check_note, created_at) VALUES($1, $2, $3, $4, $5)",
            [reset.Id, reset.CustomerId, reset.RequestedBy, reset.IdentityCheckNote, reset.CreatedAt.ToString("O")], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reset;
    }

    // The check and the inserts share one write lock, so two processes starting at once seed only once.
    public async Task<bool> SeedIfEmptyAsync(BackofficeRecords records, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var count = connection.CreateCommand())
        {
            count.Transaction = transaction;
            count.CommandText = "SELECT EXISTS(SELECT 1 FROM backoffice_customers)";
            if ((long)(await count.ExecuteScalarAsync(cancellationToken))! != 0)
            {
                return false;
            }
        }
        foreach (var customer in records.Customers)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO backoffice_customers(id, username, name, email, company) VALUES($1, $2, $3, $4, $5)",
                [customer.Id, customer.Username, customer.Name, customer.Email, customer.Company], cancellationToken);
        }
        foreach (var s in records.Subscriptions)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_subscriptions({SubscriptionColumns}) VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                [s.Id, s.CustomerId, s.Plan, s.Seats, s.BillingCycle, s.Status, ToCents(s.PricePerSeat), s.RenewsOn.ToString("O", CultureInfo.InvariantCulture)], cancellationToken);
        }
        foreach (var o in records.Orders)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_orders({OrderColumns}) VALUES($1, $2, $3, $4, $5, $6)",
                [o.Id, o.CustomerId, o.CreatedAt.ToString("O"), o.Description, ToCents(o.Amount), o.Currency], cancellationToken);
        }
        foreach (var i in records.Invoices)
        {
            await ExecuteAsync(connection, transaction, $"INSERT INTO backoffice_invoices({InvoiceColumns}) VALUES($1, $2, $3, $4, $5, $6, $7, $8)",
                [i.Id, i.CustomerId, i.Number, i.IssuedOn.ToString("O", CultureInfo.InvariantCulture), ToCents(i.Amount), i.Currency, i.Status, ToCents(i.RefundedAmount)], cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<Subscription?> GetSubscriptionAsync(SqliteConnection connection, SqliteTransaction? transaction, string customerId, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, transaction, $"SELECT {SubscriptionColumns} FROM backoffice_subscriptions WHERE customer_id = $customer",
            [("$customer", customerId)], ReadSubscription, cancellationToken)).SingleOrDefault();

    private static async Task<Invoice?> GetInvoiceAsync(SqliteConnection connection, SqliteTransaction? transaction, string customerId, string invoiceNumber, CancellationToken cancellationToken) =>
        // Filtering on the owner as well as the number is the ownership check: another customer's number finds nothing.
        (await QueryAsync(connection, transaction, $"SELECT {InvoiceColumns} FROM backoffice_invoices WHERE customer_id = $customer AND number = $number",
            [("$customer", customerId), ("$number", invoiceNumber.Trim())], ReadInvoice, cancellationToken)).SingleOrDefault();

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, object[] values, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        (string Name, object Value)[] parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static Customer ReadCustomer(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4));

    private static Subscription ReadSubscription(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.GetString(5), FromCents(r.GetInt64(6)), ParseDate(r.GetString(7)));

    private static Order ReadOrder(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), ParseTimestamp(r.GetString(2)), r.GetString(3), FromCents(r.GetInt64(4)), r.GetString(5));

    private static Invoice ReadInvoice(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), ParseDate(r.GetString(3)), FromCents(r.GetInt64(4)), r.GetString(5), r.GetString(6), FromCents(r.GetInt64(7)));

    private static Ticket ReadTicket(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseTimestamp(r.GetString(5)));

    private static long ToCents(decimal amount) => BackofficeRules.ToCents(amount);

    private static decimal FromCents(long cents) => BackofficeRules.FromCents(cents);

    private static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
