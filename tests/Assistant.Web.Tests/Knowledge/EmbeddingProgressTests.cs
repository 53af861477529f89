using Assistant.Core.Embeddings;
using Assistant.Web.Tests.Search;
using Assistant.Web.Tests.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Knowledge;

/// <summary>The host answers from the keyword index while vectors are computed behind it, and shows how far they are.</summary>
public sealed class EmbeddingProgressTests
{
    [Fact]
    public async Task Host_answers_by_keyword_before_embedding_finishes_and_health_shows_the_progress()
    {
        var gate = new GatedEmbeddingGenerator();
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("billing/refunds.md", "---\ntitle: Refunds\n---\n# Refunds\n\nAnnual plans are refunded pro rata within 30 days.\n");
        factory.WriteArticle("security/passwords.md", "---\ntitle: Passwords\n---\n# Passwords\n\nPasswords need twelve characters.\n");
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(gate)));
        using var client = await StorageTestHost.SignInAsync(host, "ada");

        // The passages are held back: the backfill reaches the ingested chunks and stays at 0 of 2.
        var progress = await WaitForAsync(client, embeddings => embeddings is { State: "Embedding", Total: 2 });
        var whileEmbedding = await client.SearchAsync(Api.Search("refunded pro rata"));
        var adminView = await client.GetStringAsync("/admin/index", TestContext.Current.CancellationToken);
        gate.Open();
        var complete = await WaitForAsync(client, embeddings => embeddings.State == "Complete");
        var afterwards = await client.SearchAsync(Api.Search("refunded pro rata"));

        Assert.Equal("billing/refunds", whileEmbedding.Hits[0].DocumentId);
        Assert.Null(whileEmbedding.Hits[0].Scores.Vector);
        Assert.Equal(("hashing:hashing-v2-512", "Embedding", 0, 2), (progress.Model, progress.State, progress.Embedded, progress.Total));
        Assert.Contains("0 of 2", adminView);
        Assert.Contains("chunks that have a vector of this model", adminView);
        Assert.Equal((2, 2), (complete.Embedded, complete.Total));
        Assert.True(complete.PassagesPerSecond > 0);
        Assert.NotNull(afterwards.Hits[0].Scores.Vector);
    }

    private static async Task<EmbeddingsHealth> WaitForAsync(HttpClient client, Func<EmbeddingsHealth, bool> reached)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var embeddings = (await client.HealthAsync()).Embeddings;
            if (reached(embeddings) || DateTime.UtcNow > deadline)
            {
                return embeddings;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The hashing generator, holding back passages (not queries) until opened: a slow model, frozen.</summary>
    private sealed class GatedEmbeddingGenerator() : DelegatingEmbeddingGenerator<string, Embedding<float>>(new HashingEmbeddingGenerator(512, new Assistant.Core.Text.Analysis.EnglishAnalyzer()))
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            // A passage's embedding input starts with its title on a line of its own; a query has no line break.
            if (texts.Any(text => text.Contains('\n')))
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            return await base.GenerateAsync(texts, options, cancellationToken);
        }
    }
}
