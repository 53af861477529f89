using System.Globalization;
using Assistant.Core.Answers;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Audit;
using Assistant.Core.Models;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Releases;

/// <summary>
/// The versions in the app database, settings as JSON. A published row never changes: the store only updates drafts,
/// and a trigger refuses any UPDATE or DELETE of a published row, so a trace's version always says what answered.
/// </summary>
public sealed class SqliteAssistantVersionStore(
    SqliteDatabase database,
    IAuditLog audit,
    PromptLibrary prompts,
    IKnownTools tools,
    IOptions<AnswerOptions> answers,
    IOptions<ModelOptions> model,
    TimeProvider clock) : IAssistantVersionStore
{
    /// <summary>The audit log's tool name for version steps (not a tool action, but belongs in the same record).</summary>
    public const string AuditTool = "releases";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS assistant_versions (
            id           TEXT PRIMARY KEY,
            description  TEXT NOT NULL,
            settings     TEXT NOT NULL,
            status       TEXT NOT NULL,
            based_on     TEXT,
            created_by   TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            published_at TEXT
        );
        CREATE TRIGGER IF NOT EXISTS assistant_versions_frozen BEFORE UPDATE ON assistant_versions
            WHEN OLD.status = 'Published'
            BEGIN SELECT RAISE(ABORT, 'a published assistant version never changes'); END;
        CREATE TRIGGER IF NOT EXISTS assistant_versions_kept BEFORE DELETE ON assistant_versions
            WHEN OLD.status = 'Published'
            BEGIN SELECT RAISE(ABORT, 'a published assistant version is never removed'); END;
        """);

    // The configuration cannot change while the process runs, so its version is found (or written) once; every answer
    // asks for it, and then it costs nothing.
    private Task<AssistantVersion>? _configured;

    /// <summary>What this deployment offers a version (prompts, tools, a model endpoint), for <see cref="VersionRules"/>.</summary>
    public VersionContext Context => new(prompts.AnswerVersions, tools.Names, model.Value.Endpoint is not null || model.Value.IsConfigured);

    public ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default)
    {
        var configured = _configured;
        if (configured is null || configured.IsFaulted || configured.IsCanceled)
        {
            // A failed first attempt (a locked file) is retried by the next caller, not cached.
            configured = _configured = WriteConfiguredAsync();
        }
        return new ValueTask<AssistantVersion>(configured.WaitAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<AssistantVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await ConfiguredAsync(cancellationToken);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM assistant_versions ORDER BY created_at, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<AssistantVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Read(reader));
        }
        return versions;
    }

    public async Task<AssistantVersion?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await ConfiguredAsync(cancellationToken);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        return await FindAsync(connection, id, cancellationToken);
    }

    public async Task<AssistantVersion> CreateDraftAsync(string id, string description, AssistantSettings settings, string? basedOn, string actor,
        CancellationToken cancellationToken = default)
    {
        settings = VersionRules.Normalize(settings);
        VersionRules.ThrowIfInvalid(id, description, settings, Context);
        await ConfiguredAsync(cancellationToken);
        if (basedOn is not null && await GetAsync(basedOn, cancellationToken) is null)
        {
            throw new InvalidVersionException(new Dictionary<string, string[]> { ["basedOn"] = [$"There is no version '{basedOn}' to base it on."] });
        }
        var version = new AssistantVersion(id, description, settings, VersionStatus.Draft, basedOn, actor, clock.GetUtcNow(), null);
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = $"INSERT INTO assistant_versions({Columns}) VALUES($id, $description, $settings, $status, $basedOn, $by, $at, NULL)";
        Bind(command, version);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
        {
            throw new VersionConflictException($"The version id '{id}' is taken; choose another.");
        }
        return version;
    }

    public async Task<AssistantVersion> UpdateDraftAsync(string id, string description, AssistantSettings settings, string actor,
        CancellationToken cancellationToken = default)
    {
        settings = VersionRules.Normalize(settings);
        VersionRules.ThrowIfInvalid(null, description, settings, Context);
        var current = await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no version '{id}'.");
        if (current.Status == VersionStatus.Published)
        {
            throw new VersionConflictException($"Version '{id}' is published and never changes; create a new version based on it instead.");
        }
        await using var writer = await database.OpenWriterAsync(_schema, cancellationToken);
        await using var command = writer.Connection.CreateCommand();
        command.CommandText = "UPDATE assistant_versions SET description = $description, settings = $settings WHERE id = $id AND status = 'Draft'";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$description", description);
        command.Parameters.AddWithValue("$settings", VersionJson.Write(settings));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            // Published between the read and the write (another replica).
            throw new VersionConflictException($"Version '{id}' was published meanwhile and never changes.");
        }
        return current with { Description = description, Settings = settings };
    }

    public async Task<AssistantVersion> PublishAsync(string id, string actor, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"There is no version '{id}'.");
        if (current.Status == VersionStatus.Published)
        {
            return current;
        }
        // The deployment may have lost a tool or a prompt since the draft was written: what is published must run.
        VersionRules.ThrowIfInvalid(null, current.Description, current.Settings, Context);
        var now = clock.GetUtcNow();
        await using (var writer = await database.OpenWriterAsync(_schema, cancellationToken))
        {
            await using var command = writer.Connection.CreateCommand();
            command.CommandText = "UPDATE assistant_versions SET status = 'Published', published_at = $at WHERE id = $id AND status = 'Draft'";
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return (await GetAsync(id, cancellationToken))!;
            }
        }
        await audit.AppendAsync(new AuditRecord(actor, "admin", AuditEvent.VersionPublished, AuditTool, "ok",
            Detail: $"Published version '{id}'{(current.BasedOn is null ? "" : $" (based on '{current.BasedOn}')")}: {current.Description}"), CancellationToken.None);
        return current with { Status = VersionStatus.Published, PublishedAt = now };
    }

    private async Task<AssistantVersion> WriteConfiguredAsync()
    {
        var settings = ConfiguredVersion.Settings(answers.Value, model.Value, tools.Names);
        var id = ConfiguredVersion.Id(settings);
        var now = clock.GetUtcNow();
        var version = new AssistantVersion(id, "The version the deployment's configuration describes.", settings, VersionStatus.Published, null,
            ConfiguredVersion.Creator, now, now);
        // Not audited: the audit log records people's decisions, and this one is the deployment's configuration (the
        // row says so: created by "configuration"). Another replica may have written it first; its row wins.
        await using (var writer = await database.OpenWriterAsync(_schema, CancellationToken.None))
        {
            await using var command = writer.Connection.CreateCommand();
            command.CommandText = $"INSERT OR IGNORE INTO assistant_versions({Columns}) VALUES($id, $description, $settings, $status, $basedOn, $by, $at, $at)";
            Bind(command, version);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await using var connection = await database.OpenAsync(_schema, CancellationToken.None);
        return (await FindAsync(connection, id, CancellationToken.None))!;
    }

    private const string Columns = "id, description, settings, status, based_on, created_by, created_at, published_at";

    private static async Task<AssistantVersion?> FindAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM assistant_versions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static void Bind(SqliteCommand command, AssistantVersion version)
    {
        command.Parameters.AddWithValue("$id", version.Id);
        command.Parameters.AddWithValue("$description", version.Description);
        command.Parameters.AddWithValue("$settings", VersionJson.Write(version.Settings));
        command.Parameters.AddWithValue("$status", version.Status.ToString());
        command.Parameters.AddWithValue("$basedOn", (object?)version.BasedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", version.CreatedBy);
        command.Parameters.AddWithValue("$at", version.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    private static AssistantVersion Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        VersionJson.Read(reader.GetString(2)),
        Enum.Parse<VersionStatus>(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
        reader.IsDBNull(7) ? null : DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture));
}
