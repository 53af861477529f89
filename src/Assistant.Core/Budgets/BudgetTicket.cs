namespace Assistant.Core.Budgets;

/// <summary>
/// The gate's answer to a <see cref="BudgetCall"/>: the model to call (null: answer offline), the reservation to settle
/// or release afterwards, how the budget decided, and what to tell the user.
/// </summary>
public sealed record BudgetTicket(string Feature, string? Model, string? ReservationId, BudgetDecision Decision, string? Notice);
