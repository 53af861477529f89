using System.Collections.Concurrent;
using System.Text.Json;
using Assistant.Core.Budgets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Budgets;

/// <summary>Threshold crossings POSTed as JSON to a receiver on 127.0.0.1, retried with backoff when it fails.</summary>
public sealed class BudgetWebhookTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_threshold_crossing_is_posted_to_the_webhook_even_when_it_fails_first(int failuresFirst)
    {
        await using var receiver = await Receiver.StartAsync(failuresFirst);
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Budgets:WebhookUrl"] = receiver.Url.ToString();
        factory.Settings["Assistant:Budgets:WebhookRetryDelayMilliseconds"] = "20";
        factory.Settings["Assistant:Budgets:GlobalDailyUsd"] = "1";
        factory.Settings["Assistant:Model:Prices:webhook-model:InputPerMillion"] = "900000";
        factory.Settings["Assistant:Budgets:RequestMaxUsd"] = "100";
        using var _ = await factory.CreateIngestedClientAsync("ada");

        // One token at $0.90 takes the global day past 80 %.
        var ticket = await factory.Services.GetRequiredService<BudgetGate>().ReserveAsync(new BudgetCall(BudgetFeatures.Answers, null, ["webhook-model"], 1, 0), Cancel);

        Assert.Equal(BudgetModes.Model, ticket.Decision.Mode);
        var delivered = await receiver.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(20), Cancel);
        Assert.Equal(failuresFirst + 1, receiver.Attempts);
        Assert.Equal("global-daily", delivered.GetProperty("scope").GetString());
        Assert.Equal("soft", delivered.GetProperty("level").GetString());
        Assert.Equal(0.9m, delivered.GetProperty("used").GetDecimal());
        Assert.Equal(1m, delivered.GetProperty("limit").GetDecimal());
    }

    [Fact]
    public async Task A_webhook_that_never_answers_well_is_given_up_after_the_configured_attempts()
    {
        await using var receiver = await Receiver.StartAsync(failuresFirst: int.MaxValue);
        await using var factory = new AssistantWebFactory(ingestOnStartup: false);
        factory.Settings["Assistant:Budgets:WebhookUrl"] = receiver.Url.ToString();
        factory.Settings["Assistant:Budgets:WebhookRetryDelayMilliseconds"] = "10";
        factory.Settings["Assistant:Budgets:WebhookMaxAttempts"] = "3";
        factory.Settings["Assistant:Budgets:GlobalDailyUsd"] = "1";
        factory.Settings["Assistant:Model:Prices:webhook-model:InputPerMillion"] = "900000";
        factory.Settings["Assistant:Budgets:RequestMaxUsd"] = "100";
        using var _ = await factory.CreateIngestedClientAsync("ada");

        await factory.Services.GetRequiredService<BudgetGate>().ReserveAsync(new BudgetCall(BudgetFeatures.Answers, null, ["webhook-model"], 1, 0), Cancel);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);

        Assert.Equal(3, receiver.Attempts);
    }

    /// <summary>A webhook receiver on 127.0.0.1 that answers 500 to its first requests, then 204.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _attempts;

        private Receiver(WebApplication app) => _app = app;

        public TaskCompletionSource<JsonElement> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts => Volatile.Read(ref _attempts);

        public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks/budget");

        public static async Task<Receiver> StartAsync(int failuresFirst)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hooks/budget", async (HttpRequest request) =>
            {
                var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
                if (Interlocked.Increment(ref receiver._attempts) <= failuresFirst)
                {
                    return Results.StatusCode(500);
                }
                receiver.Delivered.TrySetResult(body);
                return Results.NoContent();
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
