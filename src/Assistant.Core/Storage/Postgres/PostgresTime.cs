namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// PostgreSQL keeps timestamps to the microsecond, .NET to 100 ns: a store that returns the time it wrote cuts it the
/// same way first, so what a caller holds equals what any replica reads back.
/// </summary>
public static class PostgresTime
{
    public static DateTimeOffset Stored(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }
}
