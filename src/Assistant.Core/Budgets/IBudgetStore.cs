namespace Assistant.Core.Budgets;

/// <summary>
/// Where spend, stored limits and threshold events live. Reserving, settling and releasing are each atomic: however
/// concurrent calls interleave, a granted reservation always fit under every account's limit at that moment.
/// </summary>
public interface IBudgetStore
{
    /// <summary>
    /// Reserves <paramref name="amount"/> USD in every account, or in none when one of them would go past its limit
    /// (that account is <see cref="BudgetReservation.DeniedBy"/>, and its "limit" event is recorded). A reservation
    /// that takes an account past <paramref name="softFraction"/> of its limit records its "soft" event.
    /// </summary>
    Task<BudgetReservation> ReserveAsync(IReadOnlyList<BudgetAccount> accounts, decimal amount, decimal softFraction, CancellationToken cancellationToken = default);

    /// <summary>Replaces a reservation by what the call really cost; returns the accounts after it.</summary>
    Task<IReadOnlyList<BudgetUsage>> SettleAsync(string reservationId, decimal cost, CancellationToken cancellationToken = default);

    /// <summary>Gives a reservation back (the call failed, so it cost nothing); returns the accounts after it.</summary>
    Task<IReadOnlyList<BudgetUsage>> ReleaseAsync(string reservationId, CancellationToken cancellationToken = default);

    /// <summary>Every account with spend in one of <paramref name="periods"/>, with the limit in force.</summary>
    Task<IReadOnlyList<BudgetUsage>> ListUsageAsync(IReadOnlyCollection<string> periods, Func<string, decimal> defaultLimit, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BudgetLimit>> ListLimitsAsync(CancellationToken cancellationToken = default);

    Task<BudgetLimit> SetLimitAsync(string scope, decimal limit, string updatedBy, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<BudgetEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default);
}
