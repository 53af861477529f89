using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Releases;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Assistant.Core.Tests.Releases;

public sealed class SqliteAssistantVersionStoreTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly VersionStoreHost _host = new();

    [Fact]
    public async Task The_configured_version_describes_the_configuration_and_is_published_on_first_sight()
    {
        var store = _host.Start(new() { ["Assistant:Answers:Passages"] = "7" });

        var configured = await store.ConfiguredAsync(Cancel);

        Assert.Matches("^config-[0-9a-f]{8}$", configured.Id);
        Assert.Equal((VersionStatus.Published, "configuration"), (configured.Status, configured.CreatedBy));
        Assert.Equal(("answer-v2", null, 7), (configured.Settings.AnswerPrompt, configured.Settings.Model, configured.Settings.Answers.Passages));
        Assert.Contains("request_refund", configured.Settings.EnabledTools);
        Assert.Equal([configured.Id], (await store.ListAsync(Cancel)).Select(version => version.Id));
        // Configuration is no person's decision: nothing is audited until an admin publishes.
        Assert.Empty(await _host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
    }

    [Fact]
    public async Task The_configured_id_is_the_same_after_a_restart_and_changes_when_the_configuration_does()
    {
        var first = await _host.Start().ConfiguredAsync(Cancel);
        var restarted = _host.Start();
        var again = await restarted.ConfiguredAsync(Cancel);
        var changed = await _host.Start(new() { ["Assistant:Answers:SupportThreshold"] = "0.6" }).ConfiguredAsync(Cancel);

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, changed.Id);
        Assert.Equal(0.6, changed.Settings.Answers.SupportThreshold);
        // Both stay: traces of answers made before the change still name a version that exists.
        Assert.Equal(2, (await restarted.ListAsync(Cancel)).Count);
    }

    [Fact]
    public async Task A_published_version_never_changes_and_publishing_is_audited()
    {
        var store = _host.Start();
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
        // Not even SQL can change it behind the store's back.
        await using (var connection = new SqliteConnection($"Data Source={_host.Database.Path}"))
        {
            await connection.OpenAsync(Cancel);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE assistant_versions SET description = 'changed' WHERE id = 'v2-fewer-passages'";
            Assert.Contains("never changes", (await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync(Cancel))).Message);
        }
        var stored = await _host.Start().GetAsync(draft.Id, Cancel);
        Assert.Equal(("Three passages, v1 prompt.", 3, "answer-v1"), (stored!.Description, stored.Settings.Answers.Passages, stored.Settings.AnswerPrompt));
        var audited = Assert.Single(await _host.Audit.ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
        Assert.Equal(("ada", "releases"), (audited.Actor, audited.Tool));
        Assert.Contains("'v2-fewer-passages' (based on 'config-", audited.Detail);
    }

    [Fact]
    public async Task Invalid_settings_are_refused_with_every_problem_named()
    {
        var store = _host.Start();
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
        var store = _host.Start();

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
        var store = _host.Start();

        var settings = (await store.ConfiguredAsync(Cancel)).Settings;

        var refused = await Assert.ThrowsAsync<InvalidVersionException>(() => store.CreateDraftAsync(id, "", settings, null, "ada", Cancel));

        Assert.Equal(["id"], refused.Problems.Keys);
    }

    [Fact]
    public async Task A_model_may_be_named_where_the_deployment_has_a_model_endpoint()
    {
        var store = _host.Start(new() { ["Assistant:Model:Endpoint"] = "http://127.0.0.1:9/v1" });
        var configured = await store.ConfiguredAsync(Cancel);

        var draft = await store.CreateDraftAsync("v2-model", "", configured.Settings with { Model = "gpt-4o-mini", Temperature = 0.2f }, null, "ada", Cancel);

        Assert.Equal("gpt-4o-mini", draft.Settings.Model);
        Assert.Null(configured.Settings.Model);
    }

    public void Dispose() => _host.Dispose();
}
