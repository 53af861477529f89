namespace Assistant.Core.Audit;

/// <summary>
/// One recorded step of a tool action. Entries are never changed or removed; <see cref="Sequence"/> gives their
/// order without gaps, so a missing number would show tampering.
/// </summary>
/// <param name="Actor">The username, or "system" for steps nobody took (expiry, scheduled execution).</param>
/// <param name="Event">One of <see cref="AuditEvent"/>.</param>
/// <param name="ArgumentsHash">Lowercase hex SHA-256 of the canonical JSON arguments (see <see cref="Audit.ArgumentsHash"/>).</param>
/// <param name="Outcome">"ok", "refused", "error", ...</param>
/// <param name="Detail">At most <see cref="AuditRecord.MaxDetailLength"/> characters.</param>
public sealed record AuditEntry(
    string Id,
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Role,
    string Event,
    string Tool,
    string? ActionId,
    string? ArgumentsHash,
    string Outcome,
    string? Detail)
{
    /// <summary>The W3C trace id of the request or job that took the step (null before request tracing, or untraced).</summary>
    public string? RequestTraceId { get; init; }
}
