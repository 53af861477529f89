using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Storage;

/// <summary>Where state lives and how the SQLite files behave under contention (section "Assistant:Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Storage";

    /// <summary>
    /// SQLite (the default) keeps everything in the data folder of one host. PostgreSQL keeps conversations, traces,
    /// feedback, handoffs, actions, audit, budgets, release state, the knowledge index and the data-protection keys
    /// in one database, so several replicas can serve the same users.
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string when <see cref="Provider"/> is PostgreSQL, e.g.
    /// <c>Host=127.0.0.1;Port=5432;Database=assistant;Username=assistant;Password=...</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a replica waits at start-up for PostgreSQL to accept a connection (it may start before the database
    /// does) before it stops with an error naming the server it tried. Refused passwords and unknown databases stop
    /// it at once: waiting cannot mend them.
    /// </summary>
    [Range(0, 600)]
    public int StartupWaitSeconds { get; set; } = 15;

    /// <summary>
    /// How long a statement waits for another connection's write lock before giving up with SQLITE_BUSY, which the
    /// web host answers as 503 with Retry-After. App writes are a few milliseconds long, so waiting 5 s means
    /// something is wrong (a long external transaction), and the client is better told to retry than kept waiting.
    /// </summary>
    [Range(1, 300)]
    public int BusyTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// The same for the knowledge file, whose only writers are ingests: one ingest waits for another to commit
    /// rather than fail. Searches never wait on it (they read the in-memory snapshot; WAL readers never block).
    /// </summary>
    [Range(1, 3600)]
    public int KnowledgeBusyTimeoutSeconds { get; set; } = 120;

    /// <summary>Where the app's state is, in words for people (a launch check, an error): the SQLite file, or the PostgreSQL server and database.</summary>
    public string Describe(AssistantOptions assistant)
    {
        if (Provider != StorageProvider.PostgreSQL)
        {
            return $"the SQLite file {assistant.DatabasePath}";
        }
        // Host, port and database only: the connection string's password never goes into a message.
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"the PostgreSQL database '{settings.Database}' on {settings.Host}:{settings.Port}";
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.PostgreSQL && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Assistant:Storage:Provider is PostgreSQL but Assistant:Storage:ConnectionString is empty; set it to an " +
                "Npgsql connection string such as Host=127.0.0.1;Port=5432;Database=assistant;Username=assistant;Password=...",
                [nameof(ConnectionString)]);
        }
    }
}
