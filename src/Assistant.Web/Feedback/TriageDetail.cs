using Assistant.Core.Feedback.Triage;
using Assistant.Core.Tracing;

namespace Assistant.Web.Feedback;

/// <summary>One triage item with the full trace of the answer it rates (null if the trace was purged) and its golden case, if written.</summary>
public sealed record TriageDetail(TriageItem Item, AnswerTrace? Trace, GoldenCaseDraft? GoldenCase);
