namespace Assistant.Core.Backoffice;

/// <summary>
/// The billing and support records that the assistant's tools read and change on a customer's behalf. Every lookup
/// is scoped to one customer, so a tool acting for alice can never reach bob's records.
/// </summary>
public interface IBackofficeStore
{
    /// <summary>The customer signed in as <paramref name="username"/>, or null (staff have no customer record).</summary>
    Task<Customer?> GetCustomerAsync(string username, CancellationToken cancellationToken = default);

    Task<Subscription?> GetSubscriptionAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer's orders, newest first.</summary>
    Task<IReadOnlyList<Order>> ListOrdersAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The customer's invoices, newest first.</summary>
    Task<IReadOnlyList<Invoice>> ListInvoicesAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>The invoice with this number if it belongs to the customer; null otherwise, even when it exists for someone else.</summary>
    Task<Invoice?> GetInvoiceAsync(string customerId, string invoiceNumber, CancellationToken cancellationToken = default);

    /// <summary>Opens a ticket. Throws <see cref="ArgumentException"/> when the subject or body is blank.</summary>
    Task<Ticket> CreateTicketAsync(string customerId, string subject, string body, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a ticket unless the customer has opened <paramref name="perDay"/> or more in the 24 hours before now;
    /// returns null then and stores nothing. The count and the insert are one atomic step, so requests racing on any
    /// replica never take the customer past the limit. Throws <see cref="ArgumentException"/> when the subject or body is blank.
    /// </summary>
    Task<Ticket?> CreateTicketWithinLimitAsync(string customerId, string subject, string body, int perDay, CancellationToken cancellationToken = default);

    /// <summary>The customer's tickets, newest first.</summary>
    Task<IReadOnlyList<Ticket>> ListTicketsAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the subscription now to <paramref name="newPlan"/> (any case) and, when given, <paramref name="newCycle"/>
    /// ("monthly" or "annual"; otherwise the current cycle is kept), priced from <see cref="PlanCatalog"/>. Seats and
    /// renewal date are unchanged; a scheduled change is dropped. Throws <see cref="InvalidOperationException"/> for an unknown plan or cycle, for
    /// Enterprise (custom quote, not self-serve) and when the customer has no subscription.
    /// </summary>
    Task<Subscription> ChangePlanAsync(string customerId, string newPlan, string? newCycle = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Schedules a move to <paramref name="newPlan"/> and <paramref name="newCycle"/> on <paramref name="effectiveOn"/>
    /// (downgrades and annual → monthly switches wait for the end of the period), replacing any change already
    /// scheduled. The billing run applies it on that day; until then the subscription is unchanged. Throws
    /// <see cref="InvalidOperationException"/> for plans without a self-serve price and when there is no subscription.
    /// </summary>
    Task<ScheduledPlanChange> ScheduleChangeAsync(string customerId, string newPlan, string newCycle, DateOnly effectiveOn, CancellationToken cancellationToken = default);

    /// <summary>The change waiting for the end of the period, if any.</summary>
    Task<ScheduledPlanChange?> GetScheduledChangeAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refunds <paramref name="amount"/> USD of a paid invoice of the customer's and returns the updated invoice: status
    /// "refunded" once nothing is left to refund, else "partially-refunded". Throws
    /// <see cref="ArgumentOutOfRangeException"/> unless the amount is positive and in whole cents, and
    /// <see cref="InvalidOperationException"/> when the invoice is not the customer's, is not paid, or the amount exceeds
    /// what is left to refund; nothing changes then. Refund policy (windows, finance review) is the caller's to apply.
    /// </summary>
    Task<Invoice> RefundAsync(string customerId, string invoiceNumber, decimal amount, CancellationToken cancellationToken = default);

    /// <summary>Records that two-factor authentication was reset, by whom and how identity was verified.</summary>
    Task<TwoFactorReset> RecordTwoFactorResetAsync(string customerId, string requestedBy, string note, CancellationToken cancellationToken = default);
}
