namespace Assistant.Core.Budgets;

/// <summary>
/// The store's answer to a reservation: granted (<see cref="Id"/> set, to settle or release later) or refused by
/// <see cref="DeniedBy"/>. <see cref="Usage"/> is every account after it; <see cref="Crossings"/> the events it caused
/// for the first time.
/// </summary>
public sealed record BudgetReservation(string? Id, BudgetUsage? DeniedBy, IReadOnlyList<BudgetUsage> Usage, IReadOnlyList<BudgetEvent> Crossings)
{
    public bool Granted => Id is not null;
}
