namespace Assistant.Core.Audit;

/// <summary>
/// The append-only record of tool actions. There is deliberately no way to change or remove an entry, and both
/// stores' databases refuse UPDATE and DELETE on the table as well (triggers, in SQLite and PostgreSQL).
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Records one step and returns it with its id, sequence number and time. Throws <see cref="ArgumentException"/>
    /// when the record does not pass <see cref="AuditRecord.Validate"/>.
    /// </summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Matching entries, newest first, at most <see cref="AuditQuery.Limit"/> of them. Throws
    /// <see cref="ArgumentOutOfRangeException"/> unless the limit is between 1 and <see cref="AuditQuery.MaxLimit"/>.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes every matching entry, oldest first, as one camelCase JSON object per line. The limit does not apply:
    /// an export is the complete record. The destination is left open.
    /// </summary>
    Task ExportJsonlAsync(Stream destination, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Proves the log can take an entry now without recording one: a test entry is written and rolled back. Throws
    /// what an append would throw (a read-only file, a full disk, a lock held too long).
    /// </summary>
    Task ProbeWriteAsync(CancellationToken cancellationToken = default);
}
