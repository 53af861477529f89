namespace Assistant.Core.Storage.Postgres;

/// <summary>
/// The PostgreSQL database named by Assistant:Storage:ConnectionString could not be reached; the message says which
/// server, database and user were tried (never the password) and which setting to fix.
/// </summary>
public sealed class DatabaseUnreachableException(string message, Exception innerException) : InvalidOperationException(message, innerException);
