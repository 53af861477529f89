namespace Assistant.Core.Audit;

/// <summary>
/// Which audit entries to read; null fields do not filter. <see cref="From"/> is inclusive and <see cref="To"/>
/// exclusive, so consecutive windows never count an entry twice.
/// </summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Tool = null,
    string? Event = null,
    string? ActionId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 100)
{
    public const int MaxLimit = 1_000;
}
