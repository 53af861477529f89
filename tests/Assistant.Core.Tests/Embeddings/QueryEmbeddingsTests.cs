using Assistant.Core.Embeddings;
using Assistant.Core.Tests.Support;
using Assistant.Core.Text.Analysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Embeddings;

public sealed class QueryEmbeddingsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_repeated_query_reaches_the_model_once_and_gets_the_same_vector()
    {
        var model = new CountingEmbeddingGenerator(64);
        var queries = QueryEmbeddings.Cached(model, cacheMegabytes: 1);

        var first = await queries.GenerateVectorAsync("How do I reset my password?", cancellationToken: Cancel);
        var again = await queries.GenerateVectorAsync("How do I reset my password?", cancellationToken: Cancel);
        await queries.GenerateVectorAsync("How do I cancel my plan?", cancellationToken: Cancel);

        Assert.Equal(2, model.Queries);
        Assert.Equal(first.ToArray(), again.ToArray());
    }

    [Fact]
    public async Task A_cache_of_zero_megabytes_embeds_every_query()
    {
        var model = new CountingEmbeddingGenerator(64);
        var queries = QueryEmbeddings.Cached(model, cacheMegabytes: 0);

        await queries.GenerateVectorAsync("How do I reset my password?", cancellationToken: Cancel);
        await queries.GenerateVectorAsync("How do I reset my password?", cancellationToken: Cancel);

        Assert.Equal(2, model.Queries);
    }

    [Fact]
    public async Task The_query_generator_is_registered_beside_the_model_and_gives_its_vectors()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Assistant:Embeddings:Provider"] = "Hashing",
            }).Build())
            .AddSingleton<EnglishAnalyzer>()
            .AddAssistantEmbeddings()
            .BuildServiceProvider();

        var model = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var queries = services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(QueryEmbeddings.Key);

        Assert.NotSame(model, queries);
        Assert.Equal(
            (await model.GenerateVectorAsync("refund an invoice", cancellationToken: Cancel)).ToArray(),
            (await queries.GenerateVectorAsync("refund an invoice", cancellationToken: Cancel)).ToArray());
    }
}
