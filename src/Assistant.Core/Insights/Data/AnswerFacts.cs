using Assistant.Core.Tracing;

namespace Assistant.Core.Insights.Data;

/// <summary>What the dashboard keeps of a stored trace; one mapping, so every source reads the same facts.</summary>
internal static class AnswerFacts
{
    public static AnswerFact From(AnswerTrace trace) => new(
        trace.Id, trace.ConversationId, trace.UserId, trace.Question, trace.Outcome, trace.CreatedAt.ToUniversalTime(),
        trace.Cost, trace.Latency.TotalMs, trace.Verification.Removed, trace.Verification.InvalidMarkers,
        trace.Passages.Count == 0 ? null : trace.Passages.Max(p => p.Score),
        trace.Passages.OrderByDescending(p => p.Score).Select(p => p.DocumentId).Distinct(StringComparer.Ordinal).ToArray());
}
