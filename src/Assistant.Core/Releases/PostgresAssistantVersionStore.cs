using Assistant.Core.Answers;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Audit;
using Assistant.Core.Models;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Assistant.Core.Releases;

/// <summary>
/// The versions in the PostgreSQL database replicas share; the same contract as <see cref="SqliteAssistantVersionStore"/>.
/// A trigger refuses any UPDATE or DELETE of a published row, whoever sends it, and publishing is one conditional
/// update, so of two replicas publishing one draft exactly one publishes (and audits) it.
/// </summary>
public sealed class PostgresAssistantVersionStore(
    PostgresDatabase database,
    IAuditLog audit,
    PromptLibrary prompts,
    IKnownTools tools,
    IOptions<AnswerOptions> answers,
    IOptions<ModelOptions> model,
    TimeProvider clock) : IAssistantVersionStore
{
    private const string UniqueViolation = "23505";

    private readonly StoreSchema _schema = database.Schema("""
        CREATE TABLE IF NOT EXISTS assistant_versions (
            id           text PRIMARY KEY,
            description  text NOT NULL,
            settings     jsonb NOT NULL,
            status       text NOT NULL,
            based_on     text,
            created_by   text NOT NULL,
            created_at   timestamptz NOT NULL,
            published_at timestamptz
        );
        CREATE OR REPLACE FUNCTION assistant_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                RAISE EXCEPTION 'a published assistant version is never removed' USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RAISE EXCEPTION 'a published assistant version never changes' USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        CREATE OR REPLACE TRIGGER assistant_versions_frozen BEFORE UPDATE OR DELETE ON assistant_versions
            FOR EACH ROW WHEN (OLD.status = 'Published') EXECUTE FUNCTION assistant_versions_frozen();
        """);

    // As on SQLite: the configuration cannot change while the process runs, so its version is found (or written) once.
    private Task<AssistantVersion>? _configured;

    public VersionContext Context => new(prompts.AnswerVersions, tools.Names, model.Value.Endpoint is not null || model.Value.IsConfigured);

    public ValueTask<AssistantVersion> ConfiguredAsync(CancellationToken cancellationToken = default)
    {
        var configured = _configured;
        if (configured is null || configured.IsFaulted || configured.IsCanceled)
        {
            configured = _configured = WriteConfiguredAsync();
        }
        return new ValueTask<AssistantVersion>(configured.WaitAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<AssistantVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await ConfiguredAsync(cancellationToken);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM assistant_versions ORDER BY created_at, id", connection);
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
        var version = new AssistantVersion(id, description, settings, VersionStatus.Draft, basedOn, actor, PostgresTime.Truncate(clock.GetUtcNow()), null);
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO assistant_versions({Columns}) VALUES(@id, @description, @settings, @status, @basedOn, @by, @at, NULL)", connection);
        Bind(command, version);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
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
        await using var connection = await database.OpenAsync(_schema, cancellationToken);
        await using var command = new NpgsqlCommand(
            "UPDATE assistant_versions SET description = @description, settings = @settings WHERE id = @id AND status = 'Draft'", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("description", description);
        command.Parameters.AddWithValue("settings", NpgsqlDbType.Jsonb, VersionJson.Write(settings));
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
        VersionRules.ThrowIfInvalid(null, current.Description, current.Settings, Context);
        var now = PostgresTime.Truncate(clock.GetUtcNow());
        await using (var connection = await database.OpenAsync(_schema, cancellationToken))
        {
            // The row lock orders two replicas publishing at once; the second finds it no longer a draft and updates nothing.
            await using var command = new NpgsqlCommand(
                "UPDATE assistant_versions SET status = 'Published', published_at = @at WHERE id = @id AND status = 'Draft'", connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("at", now);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return (await GetAsync(id, cancellationToken))!;
            }
        }
        await audit.AppendAsync(new AuditRecord(actor, "admin", AuditEvent.VersionPublished, SqliteAssistantVersionStore.AuditTool, "ok",
            Detail: $"Published version '{id}'{(current.BasedOn is null ? "" : $" (based on '{current.BasedOn}')")}: {current.Description}"), CancellationToken.None);
        return current with { Status = VersionStatus.Published, PublishedAt = now };
    }

    private async Task<AssistantVersion> WriteConfiguredAsync()
    {
        var settings = ConfiguredVersion.Settings(answers.Value, model.Value, tools.Names);
        var id = ConfiguredVersion.Id(settings);
        var now = PostgresTime.Truncate(clock.GetUtcNow());
        var version = new AssistantVersion(id, "The version the deployment's configuration describes.", settings, VersionStatus.Published, null,
            ConfiguredVersion.Creator, now, now);
        // Replicas starting together with one configuration all try this insert; the first row wins and all read it.
        await using var connection = await database.OpenAsync(_schema, CancellationToken.None);
        await using (var command = new NpgsqlCommand(
            $"INSERT INTO assistant_versions({Columns}) VALUES(@id, @description, @settings, @status, @basedOn, @by, @at, @at) ON CONFLICT(id) DO NOTHING",
            connection))
        {
            Bind(command, version);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        return (await FindAsync(connection, id, CancellationToken.None))!;
    }

    private const string Columns = "id, description, settings, status, based_on, created_by, created_at, published_at";

    private static async Task<AssistantVersion?> FindAsync(NpgsqlConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM assistant_versions WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static void Bind(NpgsqlCommand command, AssistantVersion version)
    {
        command.Parameters.AddWithValue("id", version.Id);
        command.Parameters.AddWithValue("description", version.Description);
        command.Parameters.AddWithValue("settings", NpgsqlDbType.Jsonb, VersionJson.Write(version.Settings));
        command.Parameters.AddWithValue("status", version.Status.ToString());
        command.Parameters.AddWithValue("basedOn", NpgsqlDbType.Text, (object?)version.BasedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("by", version.CreatedBy);
        command.Parameters.AddWithValue("at", version.CreatedAt.ToUniversalTime());
    }

    private static AssistantVersion Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        VersionJson.Read(reader.GetString(2)),
        Enum.Parse<VersionStatus>(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));
}
