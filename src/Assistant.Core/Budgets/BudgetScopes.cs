namespace Assistant.Core.Budgets;

/// <summary>Every limit there is, by the name the admin API and page use (<c>PUT /api/admin/budgets/{name}</c>).</summary>
public static class BudgetScopes
{
    public static readonly BudgetScope RequestTokens = new("request-tokens", BudgetKinds.Request, "tokens", "request", null,
        "Prompt plus maximum output tokens of one model call.", options => options.RequestMaxTokens);

    public static readonly BudgetScope RequestUsd = new("request-usd", BudgetKinds.Request, "usd", "request", null,
        "Most one model call may cost.", options => options.RequestMaxUsd);

    public static readonly BudgetScope UserDaily = new("user-daily", BudgetKinds.User, "usd", "day", null,
        "Model spend per user per day (UTC).", options => options.UserDailyUsd);

    public static readonly BudgetScope AnswersMonthly = new("answers-monthly", BudgetKinds.Feature, "usd", "month", BudgetFeatures.Answers,
        "Model spend on answers per month.", options => options.AnswersMonthlyUsd);

    public static readonly BudgetScope ToolPlanningMonthly = new("tool-planning-monthly", BudgetKinds.Feature, "usd", "month", BudgetFeatures.ToolPlanning,
        "Model spend on planning tool actions per month.", options => options.ToolPlanningMonthlyUsd);

    public static readonly BudgetScope EmbeddingsMonthly = new("embeddings-monthly", BudgetKinds.Feature, "usd", "month", BudgetFeatures.Embeddings,
        "Spend on embedding calls to a hosted model per month.", options => options.EmbeddingsMonthlyUsd);

    public static readonly BudgetScope GlobalDaily = new("global-daily", BudgetKinds.Global, "usd", "day", null,
        "All model spend per day (UTC).", options => options.GlobalDailyUsd);

    public static readonly IReadOnlyList<BudgetScope> All =
        [RequestTokens, RequestUsd, UserDaily, AnswersMonthly, ToolPlanningMonthly, EmbeddingsMonthly, GlobalDaily];

    /// <summary>The scopes a call spends from, in the order they are checked (the first that refuses decides).</summary>
    public static readonly IReadOnlyList<BudgetScope> Accounts = [UserDaily, AnswersMonthly, ToolPlanningMonthly, EmbeddingsMonthly, GlobalDaily];

    public static BudgetScope? Find(string? name) => All.FirstOrDefault(scope => string.Equals(scope.Name, name, StringComparison.OrdinalIgnoreCase));
}
