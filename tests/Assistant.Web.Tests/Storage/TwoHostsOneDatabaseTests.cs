using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tests.Support.Storage;
using Xunit;
using static Assistant.Web.Tests.Actions.ActionsApi;

namespace Assistant.Web.Tests.Storage;

/// <summary>
/// Two web hosts on one PostgreSQL database, as two replicas behind a gateway: each on Kestrel on 127.0.0.1 with its
/// own data folder (stores not yet on PostgreSQL stay in it), each user signed in at each host separately. What one
/// host decides, the other must see, and no limit can be passed by splitting requests between them.
/// </summary>
[Trait("Requires", "PostgreSQL")]
public sealed class TwoHostsOneDatabaseTests
{
    private const string Supported = "We refund the full amount of your first payment if you request it within 14 days. [1]";

    [Fact]
    public async Task An_action_approved_on_one_host_cannot_be_approved_or_executed_again_on_the_other()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var first = StartHost(database);
        await using var second = StartHost(database);
        using var alice = await first.CreateIngestedClientAsync("alice");
        using var sam = await first.CreateIngestedClientAsync("sam");
        using var ada = await second.CreateIngestedClientAsync("ada");
        using var samOnSecond = await second.CreateIngestedClientAsync("sam");
        var confirmed = await ProposeAndConfirmAsync(alice, "request_refund", new { invoice = "INV-2025-0388" });

        var decisions = await Task.WhenAll(
            PostAsync(sam, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Fine." }),
            PostAsync(ada, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Fine." }));
        var again = await PostAsync(samOnSecond, $"/api/actions/{Id(confirmed)}/approve", new { reason = "Once more." });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Select(d => d.Status).Order());
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("executed", Status((await GetAsync(samOnSecond, $"/api/actions/{Id(confirmed)}")).Body.GetProperty("action")));
        Assert.Single(await AuditAsync(ada, $"?event=executed&actionId={Id(confirmed)}"));
        using var aliceOnSecond = await second.CreateIngestedClientAsync("alice");
        Assert.Equal(("refunded", "$180.00"), await InvoiceAsync(aliceOnSecond, "INV-2025-0388"));
    }

    [Fact]
    public async Task Tickets_confirmed_on_two_hosts_at_once_stop_at_the_daily_limit()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var first = StartHost(database);
        await using var second = StartHost(database);
        using var aliceOnFirst = await first.CreateIngestedClientAsync("alice");
        using var aliceOnSecond = await second.CreateIngestedClientAsync("alice");
        var hosts = new[] { aliceOnFirst, aliceOnSecond };
        // Eight proposals while no ticket exists yet all pass the preview's check; the limit (5 a day) must then
        // hold when they are confirmed at once, half on each host.
        var proposed = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (status, action) = await ProposeAsync(hosts[i % 2], "open_ticket", new { subject = $"Problem {i}", body = "Sign-in fails." });
            Assert.Equal(HttpStatusCode.Created, status);
            proposed.Add(Id(action));
        }

        await Task.WhenAll(proposed.Select((id, i) => PostAsync(hosts[(i + 1) % 2], $"/api/actions/{id}/confirm")));

        var statuses = new List<string>();
        foreach (var id in proposed)
        {
            statuses.Add(Status((await GetAsync(aliceOnFirst, $"/api/actions/{id}")).Body.GetProperty("action")));
        }
        Assert.Equal(5, statuses.Count(status => status == "executed"));
        Assert.Equal(3, statuses.Count(status => status == "failed"));
    }

    [Fact]
    public async Task Questions_split_between_two_hosts_never_spend_past_the_shared_daily_budget()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var model = await ScriptedChatServer.StartAsync();
        // Every call reports exactly its reserved worst case: 100 output tokens at $1,000 per million is $0.10.
        model.Otherwise = _ => ScriptedChatServer.Text(Supported, promptTokens: 50, completionTokens: 100);
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await using var first = StartHost(database, model);
        await using var second = StartHost(database, model);
        // Sam is staff: staff get answers only, so every model call is an answer (no tool planning).
        using var samOnFirst = await first.CreateIngestedClientAsync("sam");
        using var samOnSecond = await second.CreateIngestedClientAsync("sam");
        var hosts = new[] { samOnFirst, samOnSecond };

        var modes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            var http = hosts[i % 2];
            using var created = await http.PostAsync("/api/conversations", null, cancel);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetString();
            using var asked = await http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = "How long do I have to request a full refund?" }, cancel);
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            var answer = (await asked.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("answer");
            Assert.Contains("14 days", answer.GetProperty("text").GetString());
            return answer.GetProperty("budget").GetProperty("mode").GetString();
        }));

        // $0.50 a day holds five calls, however the sixteen questions are split between the hosts.
        Assert.Equal(5, model.Requests.Count);
        Assert.Equal(5, modes.Count(mode => mode == "model"));
        Assert.Equal(11, modes.Count(mode => mode == "offline"));
    }

    private static AssistantWebFactory StartHost(TestPostgresDatabase database, ScriptedChatServer? model = null)
    {
        var factory = new AssistantWebFactory();
        factory.WriteArticle("policies/refund-policy.md",
            "---\ntitle: Refund policy\naudience: customers\nupdated: 2026-01-01\ntags: [billing]\n---\n\n# Refund policy\n\n## Full refund\n\n" +
            "We refund the full amount of your first payment if you request it within 14 days.\n");
        factory.Settings["Assistant:Storage:Provider"] = "PostgreSQL";
        factory.Settings["Assistant:Storage:ConnectionString"] = database.ConnectionString;
        if (model is not null)
        {
            factory.Settings["Assistant:Model:Endpoint"] = model.BaseAddress.ToString();
            factory.Settings["Assistant:Model:Model"] = "load-model";
            factory.Settings["Assistant:Model:Prices:load-model:InputPerMillion"] = "0";
            factory.Settings["Assistant:Model:Prices:load-model:OutputPerMillion"] = "1000";
            factory.Settings["Assistant:Budgets:DefaultMaxOutputTokens"] = "100";
            factory.Settings["Assistant:Budgets:GlobalDailyUsd"] = "0.50";
            factory.Settings["Assistant:Budgets:UserDailyUsd"] = "100";
            factory.Settings["Assistant:Budgets:RequestMaxUsd"] = "1";
        }
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }
}
