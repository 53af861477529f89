namespace Assistant.Core.Feedback.Triage;

/// <summary>Which negative feedback to list; null fields do not filter. Dates bound the rating's last update.</summary>
public sealed record TriageFilter(
    string? Status = null,
    string? Cause = null,
    string? Category = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 100);
