using Assistant.Core.Feedback.Triage;

namespace Assistant.Web.Feedback;

/// <summary>The root causes an agent can choose, and how many negative ratings carry each.</summary>
public sealed record TriageCauses(IReadOnlyList<TriageCause> Causes, IReadOnlyList<CauseCount> Counts);
