using Assistant.Core.Feedback;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Handoffs;
using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Screening;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Storage;

/// <summary>
/// The features' own registrations pick each store by Assistant:Storage:Provider, and the stores they pick share one
/// database: a trace and a rating written through them are what the insights source reads.
/// </summary>
public abstract class ConversationSideStoreWiringTests(StorageProvider provider) : StoreContractTests(provider)
{
    [Fact]
    public async Task Every_store_is_the_configured_providers_and_they_share_one_database()
    {
        await using var services = Services();
        var prefix = Provider == StorageProvider.PostgreSQL ? "Postgres" : "Sqlite";

        Assert.All(new object[]
        {
            services.GetRequiredService<ITraceStore>(), services.GetRequiredService<IFeedbackStore>(),
            services.GetRequiredService<ITriageStore>(), services.GetRequiredService<IGoldenCaseDraftStore>(),
            services.GetRequiredService<IHandoffStore>(), services.GetRequiredService<IFlagReviewStore>(),
            services.GetRequiredService<IInsightsSource>(),
        }, store => Assert.StartsWith(prefix, store.GetType().Name, StringComparison.Ordinal));

        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<ITraceStore>().WriteAsync(new AnswerTrace("trace_1", "conv_1", "alice", "q", "q", [], "answer-v2",
            "extractive", null, 0, 0, "bpe", 0m, new StageLatency(0, 0, 0, 0, 1), 1, new VerificationSummary(0, 0, 0, 0), "Answered", null, now), Cancel);
        await services.GetRequiredService<IFeedbackStore>().SaveAsync("trace_1", "alice", new FeedbackSubmission("down", ["outdated"]), Cancel);
        await services.GetRequiredService<IHandoffStore>().CreateAsync("conv_1", "asked for a person", Cancel);

        var data = await services.GetRequiredService<IInsightsSource>().ReadAsync(now.AddHours(-1), now.AddHours(1), Cancel);
        Assert.Equal("trace_1", Assert.Single(data.Answers).TraceId);
        Assert.Equal(["outdated"], Assert.Single(data.Feedback).Categories);
        Assert.Equal("conv_1", Assert.Single(data.Handoffs).ConversationId);
        Assert.Single(await services.GetRequiredService<ITriageStore>().ListAsync(new TriageFilter(), Cancel));
    }

    private ServiceProvider Services()
    {
        var settings = new Dictionary<string, string?>(Database.Settings)
        {
            // On SQLite the app database is the test's file; on PostgreSQL nothing is written to the data folder.
            ["Assistant:DataDirectory"] = Database.Pick(sqlite => Path.GetDirectoryName(sqlite.Path), _ => Path.GetTempPath()),
        };
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddAssistantStorage()
            .AddAssistantTracing()
            .AddAssistantFeedback()
            .AddAssistantFeedbackTriage()
            .AddAssistantHandoffs()
            .AddAssistantInsights()
            .AddAssistantKnowledge()
            // The drift signal's analyzer (AddAssistantRetrieval's); product metrics, which stores count into, ask for it.
            .AddSingleton(new EnglishAnalyzer());
        return services.BuildServiceProvider();
    }

    public sealed class OnSqlite() : ConversationSideStoreWiringTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : ConversationSideStoreWiringTests(StorageProvider.PostgreSQL);
}
