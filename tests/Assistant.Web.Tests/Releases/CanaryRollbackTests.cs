using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Assistant.Core.Audit;
using Assistant.Core.Releases;
using Assistant.Core.Tests.Support;
using Assistant.Core.Tracing;
using Assistant.Web.Tests.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Releases.ReleasesApi;

namespace Assistant.Web.Tests.Releases;

/// <summary>
/// The acceptance test of the staged rollout: a candidate version names a model that (scripted) answers with sentences
/// no source supports; alice is routed to it, bob stays on stable; once both have the minimum sample the guards roll
/// the candidate back by themselves, and alice is answered by stable again.
/// </summary>
public sealed class CanaryRollbackTests
{
    private const string GoodModel = "good-model";
    private const string BadModel = "bad-model";
    private const string Question = "How long do I have to ask for a full refund?";

    [Fact]
    public async Task A_canary_whose_model_answers_badly_is_rolled_back_automatically_and_its_users_return_to_stable()
    {
        await using var model = await ScriptedChatServer.StartAsync();
        model.Otherwise = request => request["model"]?.GetValue<string>() == BadModel
            ? ScriptedChatServer.Text("Our office cat approves every refund in person. Refunds travel by carrier pigeon.", 300, 20)
            : ScriptedChatServer.Text(MonitoredServer.RefundSentence + " [1]", 300, 20);
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("refund-policy.md",
            "---\ntitle: Refund policy\naudience: customers\nupdated: 2026-01-01\ntags: [billing]\n---\n\n# Refund policy\n\n## Full refund\n\n"
            + MonitoredServer.RefundSentence + "\n\n## Timing\n\nRefunds reach your card in 5 to 10 business days.\n");
        factory.Settings["Assistant:Model:Endpoint"] = model.BaseAddress.ToString();
        factory.Settings["Assistant:Model:Model"] = GoodModel;
        factory.Settings["Assistant:Model:ApiKey"] = "sk-test";
        factory.Settings["Assistant:Model:MaxRetries"] = "0";
        factory.Settings["Assistant:Releases:MinimumSample"] = "5";
        factory.Settings["Assistant:Releases:CheckIntervalMilliseconds"] = "200";
        using var ada = await factory.CreateIngestedClientAsync("ada");
        using var alice = await factory.CreateIngestedClientAsync("alice");
        using var bob = await factory.CreateIngestedClientAsync("bob");
        var stableId = (await factory.Services.GetRequiredService<IAssistantVersionStore>().ConfiguredAsync(Cancel)).Id;
        await PublishAsync(factory.Services, "v2-bad-model", settings => settings with { Model = BadModel });
        await StartAsync(ada, "v2-bad-model", users: ["alice"]);

        var traces = factory.Services.GetRequiredService<ITraceStore>();
        for (var i = 0; i < 5; i++)
        {
            var fromCandidate = await TraceOfAsync(traces, await AskAsync(alice, Question));
            var fromStable = await TraceOfAsync(traces, await AskAsync(bob, Question));
            Assert.Equal(("v2-bad-model", ReleaseArm.Candidate, BadModel), (fromCandidate.ConfigVersion, fromCandidate.ReleaseArm, fromCandidate.Model));
            Assert.Equal((stableId, ReleaseArm.Stable, "Answered"), (fromStable.ConfigVersion, fromStable.ReleaseArm, fromStable.Outcome));
        }

        var view = await WaitForNoCandidateAsync(ada);
        var rolledBack = view.GetProperty("events").EnumerateArray().First();
        Assert.Equal(("rolled-back", AuditRecord.SystemActor), (rolledBack.GetProperty("kind").GetString(), rolledBack.GetProperty("actor").GetString()));
        var breach = rolledBack.GetProperty("breach");
        Assert.Equal("unsupported-sentences", breach.GetProperty("metric").GetString());
        Assert.True(breach.GetProperty("candidate").GetDouble() > breach.GetProperty("allowed").GetDouble(), breach.ToString());
        Assert.Equal((5, 5), (breach.GetProperty("candidateSample").GetInt32(), breach.GetProperty("stableSample").GetInt32()));
        var audit = Assert.Single(await factory.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack), Cancel));
        Assert.Equal((AuditRecord.SystemActor, "automatic"), (audit.Actor, audit.Outcome));

        var after = await TraceOfAsync(traces, await AskAsync(alice, Question));
        Assert.Equal((stableId, ReleaseArm.Stable, GoodModel, "Answered"), (after.ConfigVersion, after.ReleaseArm, after.Model, after.Outcome));
        using var metrics = await ada.GetAsync("/metrics", Cancel);
        Assert.Matches(new Regex("^assistant_release_rollbacks_total\\{[^}]*trigger=\"automatic\"[^}]*\\} 1( |$)", RegexOptions.Multiline),
            await metrics.Content.ReadAsStringAsync(Cancel));
    }

    private static async Task<JsonElement> AskAsync(HttpClient client, string question)
    {
        using var created = await client.PostAsync("/api/conversations", null, Cancel);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        using var response = await client.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = question }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("answer");
    }

    private static async Task<AnswerTrace> TraceOfAsync(ITraceStore traces, JsonElement answer) =>
        await traces.GetAsync(answer.GetProperty("traceId").GetString()!, Cancel) ?? throw new InvalidOperationException($"No trace for {answer}");

    private static async Task<JsonElement> WaitForNoCandidateAsync(HttpClient admin)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var (_, view) = await SendAsync(admin, HttpMethod.Get, "/api/admin/releases");
            if (view.GetProperty("candidate").ValueKind == JsonValueKind.Null || DateTime.UtcNow > deadline)
            {
                Assert.True(view.GetProperty("candidate").ValueKind == JsonValueKind.Null, $"The candidate was not rolled back: {view.GetProperty("guards")}");
                return view;
            }
            await Task.Delay(100, Cancel);
        }
    }
}
