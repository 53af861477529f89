namespace Assistant.Core.Audit;

/// <summary>What a caller appends to the audit log; the log assigns the id, sequence number and time.</summary>
public sealed record AuditRecord(
    string Actor,
    string Role,
    string Event,
    string Tool,
    string Outcome,
    string? ActionId = null,
    string? ArgumentsHash = null,
    string? Detail = null)
{
    /// <summary>The system actor, for steps no person took.</summary>
    public const string SystemActor = "system";

    public const int MaxDetailLength = 2_000;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when a required field is blank or the event is not one of
    /// <see cref="AuditEvent"/>. Over-long details are not an error: see <see cref="TrimmedDetail"/>.
    /// </summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(Role);
        ArgumentException.ThrowIfNullOrWhiteSpace(Tool);
        ArgumentException.ThrowIfNullOrWhiteSpace(Outcome);
        if (!AuditEvent.IsKnown(Event))
        {
            throw new ArgumentException($"Unknown audit event '{Event}'. Known events: {string.Join(", ", AuditEvent.All)}.", nameof(Event));
        }
    }

    /// <summary>
    /// The detail cut to <see cref="MaxDetailLength"/> characters; null when blank. A long error message must not
    /// stop the step being recorded at all.
    /// </summary>
    public string? TrimmedDetail
    {
        get
        {
            if (string.IsNullOrWhiteSpace(Detail))
            {
                return null;
            }
            if (Detail.Length <= MaxDetailLength)
            {
                return Detail;
            }
            // Never keep half of a surrogate pair: the stored text must stay valid UTF-16.
            var length = char.IsHighSurrogate(Detail[MaxDetailLength - 1]) ? MaxDetailLength - 1 : MaxDetailLength;
            return Detail[..length];
        }
    }
}
