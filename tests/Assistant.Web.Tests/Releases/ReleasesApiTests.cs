using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Releases.ReleasesApi;

namespace Assistant.Web.Tests.Releases;

/// <summary>/api/admin/releases: admins only; bad input is a 400 naming the field; state conflicts are 409; changes are audited.</summary>
public sealed class ReleasesApiTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("sam")]
    public async Task Only_admins_read_or_change_the_rollout(string username)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var client = await factory.CreateIngestedClientAsync(username);
        await PublishAsync(factory.Services, "v2");

        var statuses = new[]
        {
            (await SendAsync(client, HttpMethod.Get, "/api/admin/releases")).Status,
            (await SendAsync(client, HttpMethod.Put, "/api/admin/releases/candidate", new { candidate = "v2", percentage = 100 })).Status,
            (await SendAsync(client, HttpMethod.Post, "/api/admin/releases/promote")).Status,
            (await SendAsync(client, HttpMethod.Post, "/api/admin/releases/rollback")).Status,
        };

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
    }

    [Theory]
    [InlineData("""{"candidate": ""}""", "candidate")]
    [InlineData("""{"candidate": "v9"}""", "candidate")]
    [InlineData("""{"candidate": "v2", "percentage": 150}""", "percentage")]
    [InlineData("""{"candidate": "v2", "groups": ["beta-testrs"]}""", "groups")]
    [InlineData("""{"candidate": "v2", "users": ["  "]}""", "users")]
    [InlineData("""{"candidate": "v2", "percentage": "lots"}""", "body")]
    [InlineData("""[1, 2]""", "body")]
    public async Task Bad_input_is_a_400_naming_what_was_wrong_and_changes_nothing(string body, string field)
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await PublishAsync(factory.Services, "v2");

        using var response = await ada.PutAsync("/api/admin/releases/candidate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(JsonValueKind.Null, (await SendAsync(ada, HttpMethod.Get, "/api/admin/releases")).Body.GetProperty("candidate").ValueKind);
    }

    [Fact]
    public async Task Promote_or_rollback_without_a_candidate_and_a_draft_candidate_are_409_conflicts()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await PublishAsync(factory.Services, "v2-draft", publish: false);

        var promote = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/promote");
        var rollback = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/rollback");
        var draft = await SendAsync(ada, HttpMethod.Put, "/api/admin/releases/candidate", new { candidate = "v2-draft", users = new[] { "alice" } });

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict], new[] { promote.Status, rollback.Status, draft.Status });
        Assert.Contains("no candidate", promote.Body.GetProperty("detail").GetString());
        Assert.Contains("published", draft.Body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rollout_shows_its_candidate_diff_audience_and_guards_and_promotion_makes_it_stable_audited()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var v2 = await PublishAsync(factory.Services, "v2");

        var started = await StartAsync(ada, "v2", users: ["alice"], groups: ["beta-testers"], percentage: 10);

        Assert.Equal("v2", started.GetProperty("candidate").GetProperty("id").GetString());
        Assert.StartsWith("config-", started.GetProperty("stable").GetProperty("id").GetString());
        var diff = Assert.Single(started.GetProperty("diff").EnumerateArray());
        Assert.Equal("answers.maxAnswerWords", diff.GetProperty("setting").GetString());
        var audience = started.GetProperty("audience");
        Assert.Equal(["alice"], audience.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["beta-testers"], audience.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(10.0, audience.GetProperty("percentage").GetDouble());
        var guards = started.GetProperty("guards");
        Assert.Equal((0, 0, 20), (guards.GetProperty("stable").GetProperty("questions").GetInt32(), guards.GetProperty("candidate").GetProperty("questions").GetInt32(),
            guards.GetProperty("minimumSample").GetInt32()));
        Assert.Equal(6, guards.GetProperty("results").GetArrayLength());
        Assert.Contains("beta-testers", started.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));

        var (status, promoted) = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/promote");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(v2.Id, promoted.GetProperty("stable").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, promoted.GetProperty("candidate").ValueKind);
        Assert.Equal(["promoted", "started"], promoted.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        Assert.Equal("ada", Assert.Single(await audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutChanged), Cancel)).Actor);
        Assert.Equal("ada", Assert.Single(await audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutPromoted), Cancel)).Actor);
    }

    [Fact]
    public async Task A_rollback_by_hand_returns_everyone_to_stable_with_the_reason_audited()
    {
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await PublishAsync(factory.Services, "v2");
        await StartAsync(ada, "v2", percentage: 100);

        var (status, view) = await SendAsync(ada, HttpMethod.Post, "/api/admin/releases/rollback", new { reason = "Answers read oddly." });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("candidate").ValueKind);
        var row = Assert.Single(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack), Cancel));
        Assert.Equal(("ada", "manual"), (row.Actor, row.Outcome));
        Assert.Contains("Answers read oddly.", row.Detail);
    }
}
