using System.Data.Common;
using Assistant.Core.Audit;
using Assistant.Core.Releases;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit;

namespace Assistant.Core.Tests.Releases;

public abstract class AssistantVersionStoreTests(StorageProvider provider) : StoreContractTests(provider), IAsyncLifetime
{
    private VersionStoreHost? _created;

    private VersionStoreHost Host => _created ??= new VersionStoreHost(Database.Settings);

    [Fact]
    public async Task The_configured_version_describes_the_configuration_and_is_published_on_first_sight()
    {
        var store = Host.Start(new() { ["Assistant:Answers:Passages"] = "7" });

        var configured = await store.ConfiguredAsync(Cancel);

        Assert.Matches("^config-[0-9a-f]{8}$", configured.Id);
        Assert.Equal((VersionStatus.Published, "configuration"), (configured.Status, configured.CreatedBy));
        Assert.Equal(("answer-v2", null, 7), (configured.Settings.AnswerPrompt, configured.Settings.Model, configured.Settings.Answers.Passages));
        Assert.Contains("request_refund", configured.Settings.EnabledTools);
        Assert.Equal([configured.Id], (await store.ListAsync(Cancel)).Select(version => version.Id));
        // Configuration is no person's decision: nothing is audited until an admin publishes.
        Assert.Empty(await Host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
    }

    [Fact]
    public async Task The_configured_id_is_the_same_after_a_restart_and_changes_when_the_configuration_does()
    {
        var first = await Host.Start().ConfiguredAsync(Cancel);
        var restarted = Host.Start();
        var again = await restarted.ConfiguredAsync(Cancel);
        var changed = await Host.Start(new() { ["Assistant:Answers:SupportThreshold"] = "0.6" }).ConfiguredAsync(Cancel);

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, changed.Id);
        Assert.Equal(0.6, changed.Settings.Answers.SupportThreshold);
        // Both stay: traces of answers made before the change still name a version that exists.
        Assert.Equal(2, (await restarted.ListAsync(Cancel)).Count);
    }

    [Fact]
    public async Task A_published_version_never_changes_and_publishing_is_audited()
    {
        var store = Host.Start();
        var configured = await store.ConfiguredAsync(Cancel);
        var settings = configured.Settings with { Answers = configured.Settings.Answers with { Passages = 3 } };
        var draft = await store.CreateDraftAsync("v2-fewer-passages", "Three passages.", settings, configured.Id, "ada", Cancel);
        var edited = await store.UpdateDraftAsync(draft.Id, "Three passages, v1 prompt.", settings with { AnswerPrompt = "answer-v1" }, "ada", Cancel);

        var published = await store.PublishAsync(draft.Id, "ada", Cancel);

        Assert.Equal((VersionStatus.Draft, "answer-v1"), (edited.Status, edited.Settings.AnswerPrompt));
        Assert.Equal(VersionStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        await Assert.ThrowsAsync<VersionConflictException>(() => store.UpdateDraftAsync(draft.Id, "Sneaky.", settings, "ada", Cancel));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.CreateDraftAsync(draft.Id, "Same id.", settings, null, "ada", Cancel));
        Assert.Equal(published.PublishedAt, (await store.PublishAsync(draft.Id, "ada", Cancel)).PublishedAt);
        // Not even SQL can change or remove it behind the store's back.
        Assert.Contains("never changes", (await RefusedSqlAsync("UPDATE assistant_versions SET description = 'changed' WHERE id = 'v2-fewer-passages'")).Message);
        Assert.Contains("never removed", (await RefusedSqlAsync("DELETE FROM assistant_versions WHERE id = 'v2-fewer-passages'")).Message);
        var stored = await Host.Start().GetAsync(draft.Id, Cancel);
        Assert.Equal(("Three passages, v1 prompt.", 3, "answer-v1"), (stored!.Description, stored.Settings.Answers.Passages, stored.Settings.AnswerPrompt));
        var audited = Assert.Single(await Host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
        Assert.Equal(("ada", "releases"), (audited.Actor, audited.Tool));
        Assert.Contains("'v2-fewer-passages' (based on 'config-", audited.Detail);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_every_problem_named()
    {
        var store = Host.Start();
        var configured = await store.ConfiguredAsync(Cancel);
        var bad = configured.Settings with
        {
            AnswerPrompt = "answer-v9",
            Model = "gpt-4o-mini",
            Answers = configured.Settings.Answers with { Passages = 0, SupportThreshold = 1.5 },
            EnabledTools = ["open_ticket", "launch_rockets"],
        };

        var refused = await Assert.ThrowsAsync<InvalidVersionException>(() => store.CreateDraftAsync("Bad Id!", "", bad, null, "ada", Cancel));

        Assert.Equal(["id", "settings.answerPrompt", "settings.answers.passages", "settings.answers.supportThreshold", "settings.enabledTools", "settings.model"],
            refused.Problems.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("'Bad Id!' is not a version id", refused.Message);
        Assert.Contains("no answer prompt 'answer-v9'; prompts are: answer-v1, answer-v2", refused.Message);
        Assert.Contains("no model endpoint (set Assistant:Model:Endpoint)", refused.Message);
        Assert.Contains("passages is 0; it must be between 1 and 20", refused.Message);
        Assert.Contains("supportThreshold is 1.5; it must be between 0 and 1", refused.Message);
        Assert.Contains("Unknown tool(s): launch_rockets", refused.Message);
        Assert.Single(await store.ListAsync(Cancel));
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("2026-12-canary")]
    [InlineData("a-version-id-of-exactly-forty-characters")]
    public async Task Short_lower_case_ids_with_dashes_are_accepted(string id)
    {
        var store = Host.Start();

        var draft = await store.CreateDraftAsync(id, "", (await store.ConfiguredAsync(Cancel)).Settings, null, "ada", Cancel);

        Assert.Equal(id, draft.Id);
    }

    [Theory]
    [InlineData("a-version-id-of-exactly-forty-one-letters")]
    [InlineData("-leading-dash")]
    [InlineData("v2/../admin")]
    [InlineData("")]
    public async Task Other_ids_are_refused(string id)
    {
        var store = Host.Start();

        var settings = (await store.ConfiguredAsync(Cancel)).Settings;

        var refused = await Assert.ThrowsAsync<InvalidVersionException>(() => store.CreateDraftAsync(id, "", settings, null, "ada", Cancel));

        Assert.Equal(["id"], refused.Problems.Keys);
    }

    [Fact]
    public async Task A_model_may_be_named_where_the_deployment_has_a_model_endpoint()
    {
        var store = Host.Start(new() { ["Assistant:Model:Endpoint"] = "http://127.0.0.1:9/v1" });
        var configured = await store.ConfiguredAsync(Cancel);

        var draft = await store.CreateDraftAsync("v2-model", "", configured.Settings with { Model = "gpt-4o-mini", Temperature = 0.2f }, null, "ada", Cancel);

        Assert.Equal("gpt-4o-mini", draft.Settings.Model);
        Assert.Null(configured.Settings.Model);
    }

    [Fact]
    public async Task Two_replicas_publishing_one_draft_at_once_publish_it_once_with_one_audit_entry()
    {
        var first = Host.Start();
        var configured = await first.ConfiguredAsync(Cancel);
        await first.CreateDraftAsync("v2-race", "Raced.", configured.Settings, configured.Id, "ada", Cancel);
        // Two hosts over one database are two replicas: their own pools, nothing in-process shared between them.
        var replicas = Enumerable.Range(0, 4).Select(_ => Host.Start()).ToList();

        var published = await Task.WhenAll(replicas.Select(replica => replica.PublishAsync("v2-race", "ada", Cancel)));

        Assert.All(published, version => Assert.Equal(VersionStatus.Published, version.Status));
        Assert.Single(published.Select(version => version.PublishedAt).Distinct());
        Assert.Single(await Host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
        Assert.Equal(published[0].PublishedAt, (await first.GetAsync("v2-race", Cancel))!.PublishedAt);
    }

    [Fact]
    public async Task Replicas_starting_together_with_one_configuration_share_one_configured_version()
    {
        var replicas = Enumerable.Range(0, 4).Select(_ => Host.Start()).ToList();

        var configured = await Task.WhenAll(replicas.Select(replica => replica.ConfiguredAsync(Cancel).AsTask()));

        Assert.Single(configured.Select(version => (version.Id, version.CreatedAt)).Distinct());
        Assert.Single(await replicas[0].ListAsync(Cancel));
    }

    /// <summary>The database's own answer to a statement sent past the store, on this suite's provider.</summary>
    private async Task<DbException> RefusedSqlAsync(string sql)
    {
        if (Provider == StorageProvider.PostgreSQL)
        {
            await using var postgres = await Database.Postgres!.DataSource.OpenConnectionAsync(Cancel);
            await using var command = new NpgsqlCommand(sql, postgres);
            return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Cancel));
        }
        await using var sqlite = new SqliteConnection($"Data Source={Host.Database.Path}");
        await sqlite.OpenAsync(Cancel);
        await using var sqliteCommand = sqlite.CreateCommand();
        sqliteCommand.CommandText = sql;
        return await Assert.ThrowsAsync<SqliteException>(() => sqliteCommand.ExecuteNonQueryAsync(Cancel));
    }

    // The host's providers and data folder go with the test, before the database it points at is dropped.
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (_created is not null)
        {
            await _created.DisposeAsync();
        }
        await DisposeAsync();
    }

    public sealed class OnSqlite() : AssistantVersionStoreTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : AssistantVersionStoreTests(StorageProvider.PostgreSQL);
}
