using Assistant.Core.Knowledge;
using Assistant.Core.Storage;
using Assistant.Core.Embeddings;
using Assistant.Core.Retrieval;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class ProviderDefaultsTests
{
    [Fact]
    public void The_local_model_is_the_default_embedding_when_nothing_is_configured()
    {
        using var services = Services([]);

        Assert.Equal(EmbeddingProvider.Local, services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.Provider);
        Assert.IsType<LocalEmbeddingGenerator>(services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("Local", 0.4, 0.9)]
    [InlineData("Hashing", 0.9, 1.2)]
    public void Fusion_defaults_follow_the_embedding_provider(string provider, double keywordWeight, double k1)
    {
        using var services = Services(new() { ["Assistant:Embeddings:Provider"] = provider });

        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;

        Assert.Equal((FusionMethod.Weighted, keywordWeight, k1, 0.4, 2.0), (options.Fusion, options.KeywordWeight, options.K1, options.B, options.TitleWeight));
    }

    [Fact]
    public void Explicit_retrieval_settings_win_over_the_providers_defaults()
    {
        using var services = Services(new()
        {
            ["Assistant:Embeddings:Provider"] = "Local",
            ["Assistant:Retrieval:KeywordWeight"] = "0.7",
            ["Assistant:Retrieval:Fusion"] = "Rrf",
        });

        var options = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;

        Assert.Equal((FusionMethod.Rrf, 0.7, 0.9), (options.Fusion, options.KeywordWeight, options.K1));
    }

    [Fact]
    public async Task The_local_model_fills_in_vectors_that_find_a_paraphrase_with_no_shared_words()
    {
        using var knowledge = new TestKnowledgeBase(settings: new() { ["Assistant:Embeddings:Provider"] = "Local" });
        knowledge.Write("billing/refunds.md", TestKnowledgeBase.Article("Refunds", "Annual plans are reimbursed pro rata within 30 days of purchase."));
        knowledge.Write("security/passwords.md", TestKnowledgeBase.Article("Passwords", "Passwords need twelve characters and one symbol."));
        knowledge.Write("api/limits.md", TestKnowledgeBase.Article("API limits", "The Team plan allows 1,200 requests per minute."));
        await knowledge.IngestKeywordsAsync();
        var keywordOnly = await knowledge.SearchAsync("get my money back");

        var status = await knowledge.EmbedAsync();
        var hits = await knowledge.SearchAsync("get my money back");

        Assert.Empty(keywordOnly);
        Assert.Equal(("local:all-MiniLM-L6-v2", 3), (status.Model, status.Embedded));
        Assert.Equal("billing/refunds", hits[0].DocumentId);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var root = Path.Combine(Path.GetTempPath(), $"assistant-defaults-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Assistant:DataDirectory"] = Path.Combine(root, "data") })
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddAssistantStorage().AddAssistantEmbeddings().AddAssistantRetrieval().AddAssistantKnowledge()
            .BuildServiceProvider();
    }
}
