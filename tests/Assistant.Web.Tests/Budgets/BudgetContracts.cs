namespace Assistant.Web.Tests.Budgets;

// The budget API's JSON as a client sees it, declared here rather than borrowed from src so a renamed property fails.
public sealed record BudgetsResponse(bool Enabled, int SoftThresholdPercent, List<BudgetScopeResponse> Scopes);

public sealed record BudgetScopeResponse(
    string Name, string Kind, string Unit, string Period, string Description, decimal Limit, decimal DefaultLimit, string? UpdatedBy,
    DateTimeOffset? UpdatedAt, List<BudgetAccountResponse> Accounts);

public sealed record BudgetAccountResponse(string Scope, string Kind, string Key, string Period, decimal Limit, decimal Spent, decimal Reserved, decimal Remaining, double Utilization);

public sealed record BudgetEventResponse(string Id, DateTimeOffset At, string Scope, string Kind, string Key, string Period, string Level, decimal Limit, decimal Used);

public sealed record BudgetDecisionResponse(string Mode, string? Model, string? Scope);

public sealed record BudgetedAnswer(string Text, string Outcome, string Generator, string? Model, string? Notice, string TraceId, BudgetDecisionResponse? Budget);

public sealed record BudgetedReply(string ConversationId, string MessageId, BudgetedAnswer Answer);
