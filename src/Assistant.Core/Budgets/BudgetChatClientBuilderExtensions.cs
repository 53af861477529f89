using Assistant.Core.Tokenization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Budgets;

public static class BudgetChatClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="BudgetChatClient"/> for <paramref name="feature"/>: the layers below it call
    /// <paramref name="primaryModel"/>; <paramref name="fallbacks"/> are whole pipelines for cheaper models, tried in
    /// order; <paramref name="offline"/> answers when no model fits (null: the caller catches
    /// <see cref="BudgetExceededException"/>). Add it outside the fallback and retry layers, so one reservation covers
    /// a call with its retries. Without <c>AddAssistantBudgets</c>, or with Assistant:Budgets:Enabled false, it adds
    /// nothing.
    /// </summary>
    public static ChatClientBuilder UseBudgets(this ChatClientBuilder builder, string feature, string primaryModel,
        IReadOnlyList<BudgetedModel> fallbacks, IChatClient? offline) =>
        builder.Use((inner, services) => services.GetService<BudgetGate>() is { Enabled: true } gate
            ? new BudgetChatClient(inner, gate, services.GetRequiredKeyedService<ITokenCounter>(TokenCounters.Exact), feature, primaryModel, fallbacks, offline)
            : inner);
}
