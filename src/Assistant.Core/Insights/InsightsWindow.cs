using Assistant.Core.Actions;
using Assistant.Core.Feedback;
using Assistant.Core.Insights.Data;

namespace Assistant.Core.Insights;

/// <summary>
/// The facts of one period, with the sets every KPI is defined over: questions, answers marked wrong, conversations,
/// executed actions. <see cref="Slice"/> gives one day of it for the trend series.
/// </summary>
public sealed class InsightsWindow
{
    private readonly ILookup<string, FeedbackFact> _feedback;

    /// <param name="eligibleUsers">The accounts the assistant is meant for (end users): adoption's denominator.</param>
    public InsightsWindow(InsightsData data, IReadOnlySet<string> eligibleUsers)
    {
        Data = data;
        EligibleUsers = eligibleUsers;
        _feedback = data.Feedback.ToLookup(f => f.TraceId, StringComparer.Ordinal);
    }

    public InsightsData Data { get; }

    public IReadOnlySet<string> EligibleUsers { get; }

    public IReadOnlyList<AnswerFact> Answers => Data.Answers;

    public IEnumerable<AnswerFact> Questions => Data.Answers.Where(a => a.IsQuestion);

    /// <summary>Conversations with at least one answer in the period.</summary>
    public IReadOnlySet<string> Conversations =>
        Data.Answers.Where(a => a.ConversationId is not null).Select(a => a.ConversationId!).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<ActionFact> ExecutedActions => Data.Actions.Where(a => a.Status == ActionStatus.Executed);

    /// <summary>A thumbs-down of any kind: the person says the answer did not do its job.</summary>
    public bool IsMarkedWrong(AnswerFact answer) => _feedback[answer.TraceId].Any(f => f.Rating == FeedbackRating.Down);

    public bool HasCategory(AnswerFact answer, string category) =>
        _feedback[answer.TraceId].Any(f => f.Rating == FeedbackRating.Down && f.Categories.Contains(category));

    /// <summary>Answered and not given a thumbs-down.</summary>
    public IEnumerable<AnswerFact> SuccessfulAnswers => Questions.Where(a => a.IsAnswered && !IsMarkedWrong(a));

    /// <summary>The facts made between <paramref name="from"/> (inclusive) and <paramref name="to"/> (exclusive).</summary>
    public InsightsWindow Slice(DateTimeOffset from, DateTimeOffset to)
    {
        var answers = Data.Answers.Where(a => a.CreatedAt >= from && a.CreatedAt < to).ToList();
        var traces = answers.Select(a => a.TraceId).ToHashSet(StringComparer.Ordinal);
        return new InsightsWindow(new InsightsData(
            answers,
            Data.Feedback.Where(f => traces.Contains(f.TraceId)).ToList(),
            Data.Handoffs.Where(h => h.CreatedAt >= from && h.CreatedAt < to).ToList(),
            Data.Actions.Where(a => a.CreatedAt >= from && a.CreatedAt < to).ToList()), EligibleUsers);
    }
}
