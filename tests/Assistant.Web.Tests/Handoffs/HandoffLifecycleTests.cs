using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Web.Tests.Handoffs;

public sealed class HandoffLifecycleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> RequestHandoffAsync(HttpClient user)
    {
        using var created = await user.PostAsync("/api/conversations", null, Cancel);
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var handoff = await user.PostAsJsonAsync("/api/handoffs", new { conversationId, reason = "Please call me." }, Cancel);
        return (await handoff.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task An_agent_claims_then_closes_a_handoff()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var id = await RequestHandoffAsync(alice);

        var claimed = await (await sam.PostAsync($"/api/handoffs/{id}/claim", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var closed = await (await sam.PostAsync($"/api/handoffs/{id}/close", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(("claimed", "sam"), (claimed.GetProperty("status").GetString(), claimed.GetProperty("claimedBy").GetString()));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await sam.PostAsync($"/api/handoffs/{id}/claim", null, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Two_agents_claiming_at_the_same_moment_get_one_success_and_one_conflict()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        using var ada = await factory.CreateIngestedClientAsync("ada");
        var id = await RequestHandoffAsync(alice);

        var responses = await Task.WhenAll(sam.PostAsync($"/api/handoffs/{id}/claim", null, Cancel), ada.PostAsync($"/api/handoffs/{id}/claim", null, Cancel));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
    }

    [Fact]
    [Trait("Requires", "PostgreSQL")]
    public async Task Two_agents_claiming_at_once_on_two_replicas_sharing_postgresql_get_one_success_and_one_conflict()
    {
        await using var shared = await TestPostgres.CreateDatabaseAsync();
        await using var first = OnPostgreSQL(shared);
        await using var second = OnPostgreSQL(shared);
        using var alice = await first.CreateIngestedClientAsync("alice");
        using var sam = await first.CreateIngestedClientAsync("sam");
        using var ada = await second.CreateIngestedClientAsync("ada");
        var id = await RequestHandoffAsync(alice);

        var responses = await Task.WhenAll(sam.PostAsync($"/api/handoffs/{id}/claim", null, Cancel), ada.PostAsync($"/api/handoffs/{id}/claim", null, Cancel));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var seenByOther = await (await (winner.GetProperty("claimedBy").GetString() == "sam" ? ada : sam)
            .PostAsync($"/api/handoffs/{id}/close", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(("closed", winner.GetProperty("claimedBy").GetString()), (seenByOther.GetProperty("status").GetString(), seenByOther.GetProperty("claimedBy").GetString()));
    }

    private static AssistantWebFactory OnPostgreSQL(TestPostgresDatabase database)
    {
        var factory = new AssistantWebFactory();
        factory.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        factory.Settings["Assistant:Storage:ConnectionString"] = database.ConnectionString;
        return factory;
    }

    [Fact]
    public async Task End_users_cannot_claim_and_unknown_handoffs_are_404()
    {
        await using var factory = new AssistantWebFactory();
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var sam = await factory.CreateIngestedClientAsync("sam");
        var id = await RequestHandoffAsync(alice);

        Assert.Equal(HttpStatusCode.Forbidden, (await alice.PostAsync($"/api/handoffs/{id}/claim", null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sam.PostAsync("/api/handoffs/handoff_missing/claim", null, Cancel)).StatusCode);
    }
}
