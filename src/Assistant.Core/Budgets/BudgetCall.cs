namespace Assistant.Core.Budgets;

/// <summary>
/// A model call about to be made: whose it is, and what it could cost at most with each model it may use (the
/// configured one first, then the cheaper fallbacks in order).
/// </summary>
public sealed record BudgetCall(string Feature, string? UserId, IReadOnlyList<string> Models, int PromptTokens, int MaxOutputTokens);
