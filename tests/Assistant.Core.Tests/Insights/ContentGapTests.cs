using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Storage;
using Assistant.Core.Tests.Support.Storage;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public abstract class ContentGapTests(StorageProvider provider) : StoreContractTests(provider)
{
    private static readonly DateOnly Today = InsightsSeed.Today;

    private InsightsSeed Seed => field ??= new InsightsSeed(Database);

    [Fact]
    public async Task Declined_and_thumbs_down_questions_are_grouped_by_their_terms_with_the_articles_they_came_closest_to()
    {
        await Seed.AnswerAsync("h1", Today, "alice", "c1", OutcomeNames.Abstained, "Do you have a native HubSpot integration?",
            passages: [("integrations/salesforce", 0.4), ("integrations/overview", 0.3)]);
        await Seed.AnswerAsync("h2", Today, "bob", "c2", OutcomeNames.Abstained, "Is there a HubSpot integration?",
            passages: [("integrations/overview", 0.5)]);
        await Seed.AnswerAsync("h3", Today, "bob", "c3", OutcomeNames.Abstained, "do you have a native hubspot integration?",
            passages: [("integrations/overview", 0.4)]);
        await Seed.AnswerAsync("e1", Today, "alice", "c4", OutcomeNames.Answered, "How do I export invoices to CSV?",
            passages: [("billing/invoices", 0.8)]);
        await Seed.RateAsync("e1", "alice", "down", "not-answered");
        // Answered and not rated down: not a gap.
        await Seed.AnswerAsync("ok", Today, "alice", "c5", OutcomeNames.Answered, "How do refunds work?", passages: [("billing/refunds", 0.9)]);

        var gaps = (await Seed.Service("alice", "bob").BuildAsync(InsightsRange.LastDays(Today), TestContext.Current.CancellationToken)).ContentGaps;

        Assert.Equal(2, gaps.Count);
        var hubspot = gaps[0];
        Assert.Equal((3, 3, 0), (hubspot.Count, hubspot.Declined, hubspot.MarkedWrong));
        Assert.Equal("Do you have a native HubSpot integration?", hubspot.Question);
        Assert.Equal(["Is there a HubSpot integration?"], hubspot.Examples);
        Assert.Contains("hubspot", hubspot.Terms);
        Assert.Equal(new GapArticle("integrations/overview", 3), hubspot.ClosestArticles[0]);
        Assert.Equal(new GapArticle("integrations/salesforce", 1), hubspot.ClosestArticles[1]);
        var export = gaps[1];
        Assert.Equal((1, 0, 1), (export.Count, export.Declined, export.MarkedWrong));
        Assert.Equal([new GapArticle("billing/invoices", 1)], export.ClosestArticles);
    }

    public sealed class OnSqlite() : ContentGapTests(StorageProvider.Sqlite);

    [Trait("Requires", "PostgreSQL")]
    public sealed class OnPostgreSQL() : ContentGapTests(StorageProvider.PostgreSQL);
}
