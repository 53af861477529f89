using System.Net;
using System.Text.Json;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Actions;

public sealed class AuditApiTests
{
    [Fact]
    public async Task Admins_see_every_step_with_actor_role_tool_and_arguments_hash()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388" });
        await ProposeAsync(sam, "look_up_subscription");
        await PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Exception to the refund window: seats were never used." });

        var entries = await AuditAsync(ada);
        var forAction = await AuditAsync(ada, $"?actionId={Id(confirmed)}");
        var samsOnly = await AuditAsync(ada, "?actor=sam&limit=1");

        Assert.Equal(["approved", "confirmed", "executed", "permission-denied", "proposed"], entries.Select(e => e.GetProperty("event").GetString()).Distinct().Order());
        Assert.Equal(["executed", "approved", "confirmed", "proposed"], forAction.Select(e => e.GetProperty("event").GetString()));
        Assert.All(forAction, e =>
        {
            Assert.Equal("request_refund", e.GetProperty("tool").GetString());
            Assert.Equal(confirmed.GetProperty("argumentsHash").GetString(), e.GetProperty("argumentsHash").GetString());
            Assert.Equal("ok", e.GetProperty("outcome").GetString());
        });
        Assert.Equal(("alice", "user"), (forAction[^1].GetProperty("actor").GetString(), forAction[^1].GetProperty("role").GetString()));
        Assert.Equal(("sam", "agent"), (forAction[0].GetProperty("actor").GetString(), forAction[0].GetProperty("role").GetString()));
        var denied = Assert.Single(entries, e => e.GetProperty("event").GetString() == "permission-denied");
        Assert.Equal(("sam", "look_up_subscription", "refused"), (denied.GetProperty("actor").GetString(), denied.GetProperty("tool").GetString(), denied.GetProperty("outcome").GetString()));
        Assert.Single(samsOnly);
    }

    [Fact]
    public async Task Only_admins_read_the_audit_and_bad_filters_are_400()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(alice, "/api/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(sam, "/api/audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(sam, "/api/audit/export")).Status);
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=abc", "limit"), ("event=deleted", "event"), ("from=yesterday", "from"), ("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to") })
        {
            var (status, problem) = await GetAsync(ada, $"/api/audit?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal([field], ErrorFields(problem));
        }
    }

    [Fact]
    public async Task The_export_is_jsonl_oldest_first()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        await ProposeAsync(alice, "look_up_orders");
        await ProposeAndConfirmAsync(alice, "open_ticket", new { subject = "Help", body = "Something broke." });

        using var response = await ada.GetAsync("/api/audit/export", Cancel);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".jsonl", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.True(entries.Count >= 5, $"Expected the look-up and the ticket's steps, got {entries.Count} lines.");
        Assert.Equal(entries.Select(e => e.GetProperty("sequence").GetInt64()).Order(), entries.Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal("proposed", entries[0].GetProperty("event").GetString());
    }
}
