using Assistant.Core.Feedback;

namespace Assistant.Core.Insights.Kpis;

/// <summary>
/// How each KPI is computed from a window's facts. Null means "no data": a rate with nothing to divide by is unknown,
/// not zero, so an idle day never looks perfect.
/// </summary>
public static class KpiFormulas
{
    /// <summary>Eligible accounts that asked at least one question, of all eligible accounts.</summary>
    public static double? Adoption(InsightsWindow window) =>
        Ratio(window.Questions.Select(a => a.UserId).Where(u => u is not null && window.EligibleUsers.Contains(u))
            .Distinct(StringComparer.Ordinal).Count(), window.EligibleUsers.Count);

    /// <summary>Questions answered and not given a thumbs-down, of all questions.</summary>
    public static double? TaskSuccess(InsightsWindow window) =>
        Ratio(window.SuccessfulAnswers.Count(), window.Questions.Count());

    /// <summary>Actions executed, of all actions proposed.</summary>
    public static double? ActionSuccess(InsightsWindow window) =>
        Ratio(window.ExecutedActions.Count(), window.Data.Actions.Count);

    /// <summary>Conversations with no handoff to a person, of all conversations with an answer.</summary>
    public static double? Deflection(InsightsWindow window)
    {
        var conversations = window.Conversations;
        var handedOff = window.Data.Handoffs.Select(h => h.ConversationId).Where(conversations.Contains).Distinct(StringComparer.Ordinal).Count();
        return Ratio(conversations.Count - handedOff, conversations.Count);
    }

    /// <summary>
    /// Answers in which verification removed a sentence or found a citation marker that points at no passage, or that
    /// a person marked "wrong answer", of all answered questions.
    /// </summary>
    public static double? Hallucination(InsightsWindow window)
    {
        var answered = window.Questions.Where(a => a.IsAnswered).ToList();
        return Ratio(answered.Count(a => a.RemovedSentences > 0 || a.InvalidMarkers > 0 || window.HasCategory(a, FeedbackCategory.WrongAnswer.Id)), answered.Count);
    }

    /// <summary>Replies a person flagged "unsafe or inappropriate", of all replies.</summary>
    public static double? Safety(InsightsWindow window) =>
        Ratio(window.Answers.Count(a => window.HasCategory(a, FeedbackCategory.Unsafe.Id)), window.Answers.Count);

    /// <summary>Handoffs created, per conversation with an answer.</summary>
    public static double? Escalation(InsightsWindow window)
    {
        var conversations = window.Conversations;
        return Ratio(window.Data.Handoffs.Count(h => conversations.Contains(h.ConversationId)), conversations.Count);
    }

    /// <summary>Thumbs-down per 1,000 replies.</summary>
    public static double? ReportRate(InsightsWindow window) =>
        Ratio(window.Answers.Count(window.IsMarkedWrong), window.Answers.Count) * 1_000;

    public static double? LatencyP50(InsightsWindow window) => Percentile(window.Answers.Select(a => a.TotalMs), 0.50);

    public static double? LatencyP95(InsightsWindow window) => Percentile(window.Answers.Select(a => a.TotalMs), 0.95);

    /// <summary>Model and embedding cost of every reply, over successful answers plus executed actions.</summary>
    public static double? CostPerSuccessfulTask(InsightsWindow window) =>
        Ratio((double)window.Answers.Sum(a => a.Cost), window.SuccessfulAnswers.Count() + window.ExecutedActions.Count());

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static double? Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static double? Ratio(double part, double whole) => whole == 0 ? null : part / whole;
}
