using System.Text;
using Assistant.Core.Budgets;
using Assistant.Core.Models.Middleware;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Answers;

/// <summary>What came back from the generator, gathered from the stream.</summary>
public sealed class GenerationResult
{
    public StringBuilder Text { get; } = new();

    public string? ModelId { get; private set; }

    public UsageDetails? Usage { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>How budgets shaped the call, when the pipeline has a budget layer.</summary>
    public BudgetDecision? Budget { get; private set; }

    /// <summary>Adds an update; returns true when it asked to discard the text so far.</summary>
    public bool Add(ChatResponseUpdate update)
    {
        var reset = update.AdditionalProperties?.ContainsKey(FallbackChatClient.ResetKey) == true;
        if (reset)
        {
            Text.Clear();
            Usage = null;
        }
        Text.Append(update.Text);
        ModelId = update.ModelId ?? ModelId;
        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            Usage = usage.Details;
        }
        if (update.AdditionalProperties?.TryGetValue(ModelNotices.Key, out var notice) == true && notice is string text)
        {
            Notice = text;
        }
        if (update.AdditionalProperties?.TryGetValue(BudgetNotices.DecisionKey, out var decision) == true && decision is BudgetDecision budget)
        {
            Budget = budget;
        }
        return reset;
    }
}
