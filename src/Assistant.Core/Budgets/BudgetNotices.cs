using System.Globalization;

namespace Assistant.Core.Budgets;

/// <summary>What the user is told when a budget shapes an answer: which budget, and how much of it is left.</summary>
public static class BudgetNotices
{
    /// <summary>The response property (AdditionalProperties) carrying the <see cref="BudgetDecision"/> of a call.</summary>
    public const string DecisionKey = "assistant.budget";

    /// <summary>The request property (ChatOptions.AdditionalProperties) naming the user a call is charged to.</summary>
    public const string UserKey = "assistant.budget.user";

    public static string Remaining(BudgetUsage usage) =>
        $"{Describe(usage.Scope)} is {Math.Round(usage.Utilization * 100):0}% used: {Usd(usage.Remaining)} of {Usd(usage.Limit)} left.";

    public static string SteppedDown(string scope, string primary, string model) =>
        $"{Describe(scope)} does not cover another call to {primary}, so {model} answered instead.";

    public static string Offline(string scope) =>
        $"{Describe(scope)} is used up, so this answer was extracted directly from the knowledge base without a language model.";

    public static string Describe(string scope) => scope switch
    {
        "request-tokens" => "The token limit for a single request",
        "request-usd" => "The cost limit for a single request",
        "user-daily" => "Your daily budget",
        "answers-monthly" => "This month's budget for answers",
        "tool-planning-monthly" => "This month's budget for planning actions",
        "embeddings-monthly" => "This month's budget for embeddings",
        "global-daily" => "Today's budget for the assistant",
        _ => $"The {scope} budget",
    };

    private static string Usd(decimal amount) => "$" + amount.ToString(amount < 1 ? "0.00##" : "N2", CultureInfo.InvariantCulture);
}
