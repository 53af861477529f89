namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// Where a piece of negative feedback stands: new → triaged → fixed or won't fix. Stored in the feedback row's
/// status column, so a user changing their rating puts it back to new.
/// </summary>
public static class TriageStatus
{
    public const string New = Feedback.NewStatus;
    public const string Triaged = "triaged";
    public const string Fixed = "fixed";
    public const string WontFix = "wont-fix";

    public static readonly IReadOnlyList<string> All = [New, Triaged, Fixed, WontFix];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>
    /// Whether an agent may move feedback from one status to another. Re-triaging (triaged → triaged) relabels the
    /// cause; a closed item can be reopened to triaged when the fix did not hold. Nothing goes back to new: only the
    /// user's new rating does that.
    /// </summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (New, Triaged) or (Triaged, Triaged) or (Triaged, Fixed) or (Triaged, WontFix) => true,
        (Fixed, Triaged) or (WontFix, Triaged) => true,
        _ => false,
    };
}
