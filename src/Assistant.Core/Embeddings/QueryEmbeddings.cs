using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Embeddings;

/// <summary>
/// The generator search queries are embedded with: the application's generator behind Microsoft.Extensions.AI's
/// caching layer over a bounded in-memory cache. A help center hears the same questions again and again, and with the
/// local model embedding a query is most of an answer's CPU (about 8 ms of 12 on this machine), so a repeated
/// question costs a dictionary lookup. Passages and sentences go to the generator directly: they have their own
/// stores and caches, and would only push questions out of this one.
/// </summary>
public static class QueryEmbeddings
{
    /// <summary>The service key of the query generator.</summary>
    public const string Key = "queries";

    /// <summary>About 4 KB per cached query (its vector serialized as JSON), so the default holds some 8,000 queries.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Cached(IEmbeddingGenerator<string, Embedding<float>> generator, int cacheMegabytes)
    {
        if (cacheMegabytes == 0)
        {
            return generator;
        }
        IDistributedCache cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions
        {
            SizeLimit = cacheMegabytes * 1024L * 1024L,
        }));
        return generator.AsBuilder().UseDistributedCache(cache).Build();
    }
}
