namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond, .NET to a tenth of one. A store that returns the value it wrote
/// cuts it first, so what a caller holds equals what any replica later reads back.
/// </summary>
public static class PostgresTime
{
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);
}
