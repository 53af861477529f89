namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>A check needs tables the PostgreSQL database does not have: their store still writes to SQLite.</summary>
internal sealed class MissingTablesException(IEnumerable<string> tables)
    : Exception($"table {string.Join(", ", tables)} not found in the PostgreSQL database: that store is not on PostgreSQL (it still writes to each replica's SQLite file), so nothing can be checked");
