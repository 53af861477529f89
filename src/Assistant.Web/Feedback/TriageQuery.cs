using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;

namespace Assistant.Web.Feedback;

/// <summary>The list filters as they arrive in the query string, checked into a <see cref="TriageFilter"/>.</summary>
public static class TriageQuery
{
    public static (TriageFilter? Filter, Dictionary<string, string[]> Errors) Parse(string? status, string? cause, string? category, DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !TriageStatus.IsKnown(status))
        {
            errors["status"] = [$"Unknown status '{status}'. Known: {string.Join(", ", TriageStatus.All)}."];
        }
        if (cause is not null && !TriageCause.IsKnown(cause))
        {
            errors["cause"] = [$"Unknown cause '{cause}'. Known: {string.Join(", ", TriageCause.All.Select(c => c.Id))}."];
        }
        if (category is not null && !FeedbackCategory.IsKnown(category))
        {
            errors["category"] = [$"Unknown category '{category}'. Known: {string.Join(", ", FeedbackCategory.All.Select(c => c.Id))}."];
        }
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }
        return errors.Count > 0 ? (null, errors) : (new TriageFilter(status, cause, category, from, to), errors);
    }
}
