namespace Assistant.Core.Feedback.Triage;

/// <summary>What an agent sends to triage feedback. Nullable because it arrives from JSON unchecked.</summary>
public sealed record TriageUpdate(string? Status, string? Cause, string? Note = null)
{
    public const int MaxNoteLength = 2_000;

    /// <summary>Problems by field name ("status", "cause", "note"); empty when valid. Transitions are checked by the store.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (!TriageStatus.IsKnown(Status) || Status == TriageStatus.New)
        {
            errors["status"] = [$"Status must be one of: {string.Join(", ", TriageStatus.All.Skip(1))}."];
        }
        if (!TriageCause.IsKnown(Cause))
        {
            errors["cause"] = [$"Cause must be one of: {string.Join(", ", TriageCause.All.Select(c => c.Id))}."];
        }
        if (Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"Note must be at most {MaxNoteLength:N0} characters (it has {Note.Length:N0})."];
        }
        return errors;
    }
}
