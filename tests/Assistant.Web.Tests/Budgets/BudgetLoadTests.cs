using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Core.Budgets;
using Assistant.Core.Tests.Support;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Budgets;

/// <summary>
/// The benchmark from the issue: 100 questions at once over real HTTP (the app on Kestrel, the scripted model server
/// reporting usage), against a real SQLite file, on a budget with room for exactly ten model calls.
/// </summary>
public sealed class BudgetLoadTests
{
    private const string Supported = "We refund the full amount of your first payment if you request it within 14 days. [1]";

    [Fact]
    public async Task A_hundred_parallel_questions_never_overspend_and_every_answer_says_its_mode_and_budget()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var model = await ScriptedChatServer.StartAsync();
        // Every call reports exactly its reserved worst case: 100 output tokens at $1,000 per million is $0.10.
        model.Otherwise = _ => ScriptedChatServer.Text(Supported, promptTokens: 50, completionTokens: 100);
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("policies/refund-policy.md",
            "---\ntitle: Refund policy\naudience: customers\nupdated: 2026-01-01\ntags: [billing]\n---\n\n# Refund policy\n\n## Full refund\n\n" +
            "We refund the full amount of your first payment if you request it within 14 days.\n");
        factory.Settings["Assistant:Model:Endpoint"] = model.BaseAddress.ToString();
        factory.Settings["Assistant:Model:Model"] = "load-model";
        factory.Settings["Assistant:Model:Prices:load-model:InputPerMillion"] = "0";
        factory.Settings["Assistant:Model:Prices:load-model:OutputPerMillion"] = "1000";
        factory.Settings["Assistant:Budgets:DefaultMaxOutputTokens"] = "100";
        factory.Settings["Assistant:Budgets:GlobalDailyUsd"] = "1.00";
        factory.Settings["Assistant:Budgets:UserDailyUsd"] = "100";
        factory.Settings["Assistant:Budgets:RequestMaxUsd"] = "1";
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        await factory.Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2), cancel);
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(3) };
        // Sam is staff: staff get answers only, so every model call is an answer (no tool planning).
        using var token = await http.PostAsJsonAsync("/api/auth/token", new { username = "sam", password = AssistantWebFactory.DemoPasswords["sam"] }, cancel);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancel)).GetProperty("accessToken").GetString());

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var created = await http.PostAsync("/api/conversations", null, cancel);
            var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(cancel)).GetProperty("id").GetString();
            using var asked = await http.PostAsJsonAsync($"/api/conversations/{id}/messages", new { content = "How long do I have to request a full refund?" }, cancel);
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            return (await asked.Content.ReadFromJsonAsync<BudgetedReply>(cancel))!.Answer;
        }));

        Assert.All(replies, answer =>
        {
            Assert.Equal("Answered", answer.Outcome);
            Assert.Contains("14 days", answer.Text);
            Assert.NotNull(answer.Budget);
        });
        var byModel = replies.Where(a => a.Budget!.Mode == BudgetModes.Model).ToList();
        var offline = replies.Where(a => a.Budget!.Mode == BudgetModes.Offline).ToList();
        // Each model call is charged exactly what it reserved, so exactly ten fit; every other answer says why it is offline.
        Assert.Equal(10, byModel.Count);
        Assert.Equal(10, model.Requests.Count);
        Assert.Equal(90, offline.Count);
        Assert.All(byModel, a => Assert.Equal(("model", "load-model", null), (a.Generator, a.Model, a.Budget!.Scope)));
        Assert.All(offline, a =>
        {
            Assert.Equal(("extractive", "global-daily"), (a.Generator, a.Budget!.Scope));
            Assert.Contains("Today's budget for the assistant is used up", a.Notice);
        });
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var global = (await factory.Services.GetRequiredService<IBudgetStore>().ListUsageAsync([today], _ => 1m, cancel)).Single(u => u.Scope == "global-daily");
        Assert.Equal((1.00m, 0m), (global.Spent, global.Reserved));
    }
}
