using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Audit;
using Assistant.Core.Tracing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Releases;

/// <summary>/api/admin/versions: admins create drafts over a base, change them, publish them (then never again), compare any two.</summary>
public sealed class VersionApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task An_admin_creates_changes_publishes_and_compares_versions_and_a_published_one_never_changes()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var (_, list) = await SendAsync(ada, HttpMethod.Get, "/api/admin/versions");
        var configured = list.GetProperty("configured").GetString()!;

        var (created, draft) = await SendAsync(ada, HttpMethod.Post, "/api/admin/versions",
            new { id = "v2-stricter", description = "Stricter support.", settings = new { answers = new { supportThreshold = 0.6 } } });
        var (changed, edited) = await SendAsync(ada, HttpMethod.Put, "/api/admin/versions/v2-stricter",
            new { settings = new { answerPrompt = "answer-v1", enabledTools = new[] { "look_up_invoice", "open_ticket" } } });
        var (published, frozen) = await SendAsync(ada, HttpMethod.Post, "/api/admin/versions/v2-stricter/publish");
        var (refused, conflict) = await SendAsync(ada, HttpMethod.Put, "/api/admin/versions/v2-stricter", new { description = "Too late." });
        var (taken, _) = await SendAsync(ada, HttpMethod.Post, "/api/admin/versions", new { id = "v2-stricter" });
        var (_, diff) = await SendAsync(ada, HttpMethod.Get, $"/api/admin/versions/{configured}/diff/v2-stricter");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(("Draft", configured, 0.6), (draft.GetProperty("version").GetProperty("status").GetString(),
            draft.GetProperty("version").GetProperty("basedOn").GetString(), draft.GetProperty("version").GetProperty("settings").GetProperty("answers").GetProperty("supportThreshold").GetDouble()));
        Assert.Equal(5, draft.GetProperty("version").GetProperty("settings").GetProperty("answers").GetProperty("passages").GetInt32());
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("answer-v1", edited.GetProperty("version").GetProperty("settings").GetProperty("answerPrompt").GetString());
        Assert.Equal((HttpStatusCode.OK, "Published"), (published, frozen.GetProperty("version").GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("published and never changes", conflict.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, taken);
        var settings = diff.GetProperty("changes").EnumerateArray().Select(change => change.GetProperty("setting").GetString()).ToList();
        Assert.Equal(["answerPrompt", "answers.supportThreshold", "enabledTools.change_plan", "enabledTools.look_up_orders", "enabledTools.look_up_subscription",
            "enabledTools.request_refund", "enabledTools.reset_two_factor"], settings);
        var (_, read) = await SendAsync(ada, HttpMethod.Get, "/api/admin/versions/v2-stricter");
        Assert.Equal(settings, read.GetProperty("changesFromBase").EnumerateArray().Select(change => change.GetProperty("setting").GetString()));
        var audited = Assert.Single(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.VersionPublished), Cancel));
        Assert.Equal("ada", audited.Actor);
    }

    [Theory]
    [InlineData("""{"id": "Bad Id"}""", "id")]
    [InlineData("""{"description": "no id"}""", "id")]
    [InlineData("""{"id": "v2", "basedOn": "nope"}""", "basedOn")]
    [InlineData("""{"id": "v2", "settings": {"answers": {"passages": 0}}}""", "settings.answers.passages")]
    [InlineData("""{"id": "v2", "settings": {"answerPrompt": "answer-v9"}}""", "settings.answerPrompt")]
    [InlineData("""{"id": "v2", "settings": {"enabledTools": ["launch_rockets"]}}""", "settings.enabledTools")]
    [InlineData("""{"id": "v2", "settings": {"model": "gpt-4o"}}""", "settings.model")]
    [InlineData("""{"id": "v2", "settings": {"temprature": 0.2}}""", "settings")]
    [InlineData("""{"id": "v2", "settings": 5}""", "body")]
    public async Task Bad_input_is_a_400_naming_what_was_wrong_and_creates_nothing(string body, string field)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var (status, problem) = await SendAsync(ada, HttpMethod.Post, "/api/admin/versions", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var (_, list) = await SendAsync(ada, HttpMethod.Get, "/api/admin/versions");
        Assert.Equal(1, list.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task Settings_name_the_unsupported_sentence_policy_in_any_case()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var (status, created) = await SendAsync(ada, HttpMethod.Post, "/api/admin/versions", """{"id": "v2-mark", "settings": {"answers": {"unsupportedSentences": "mark"}}}""");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Mark", created.GetProperty("version").GetProperty("settings").GetProperty("answers").GetProperty("unsupportedSentences").GetString());
        Assert.Equal(["answers.unsupportedSentences"], created.GetProperty("changesFromBase").EnumerateArray().Select(change => change.GetProperty("setting").GetString()));
    }

    [Fact]
    public async Task Unknown_versions_are_404_and_only_admins_may_use_the_api()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        using var sam = await factory.CreateIngestedClientAsync("sam");

        var missing = new[]
        {
            (await SendAsync(ada, HttpMethod.Get, "/api/admin/versions/nope")).Status,
            (await SendAsync(ada, HttpMethod.Put, "/api/admin/versions/nope", new { description = "x" })).Status,
            (await SendAsync(ada, HttpMethod.Post, "/api/admin/versions/nope/publish")).Status,
            (await SendAsync(ada, HttpMethod.Get, "/api/admin/versions/nope/diff/nope")).Status,
        };
        var forbidden = (await SendAsync(sam, HttpMethod.Post, "/api/admin/versions", new { id = "v2" })).Status;

        Assert.All(missing, status => Assert.Equal(HttpStatusCode.NotFound, status));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    [Fact]
    public async Task A_chat_answer_records_the_configured_version_as_stable()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");

        var answer = await Operations.OperationsApi.AskAsync(alice, "What does error 410 mean?");

        var trace = await factory.Services.GetRequiredService<ITraceStore>().GetAsync(answer.GetProperty("traceId").GetString()!, Cancel);
        var (_, list) = await SendAsync(ada, HttpMethod.Get, "/api/admin/versions");
        Assert.Equal((list.GetProperty("configured").GetString(), "stable"), (trace!.ConfigVersion, trace.ReleaseArm));
    }
}
