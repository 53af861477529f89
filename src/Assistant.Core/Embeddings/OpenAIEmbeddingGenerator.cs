using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using MeaiEmbeddingOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;

namespace Assistant.Core.Embeddings;

/// <summary>
/// Adapts the official OpenAI SDK's <see cref="EmbeddingClient"/> to <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>.
/// Microsoft.Extensions.AI.OpenAI would provide this but does not restore here; this is the smallest stand-in.
/// </summary>
public sealed class OpenAIEmbeddingGenerator(EmbeddingClient client, string model, Uri? endpoint)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("openai", endpoint, model);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, MeaiEmbeddingOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var result = await client.GenerateEmbeddingsAsync(inputs, cancellationToken: cancellationToken);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        foreach (var item in result.Value.OrderBy(item => item.Index))
        {
            embeddings.Add(new Embedding<float>(item.ToFloats()) { ModelId = model });
        }
        if (result.Value.Usage is { } usage)
        {
            embeddings.Usage = new UsageDetails { InputTokenCount = usage.InputTokenCount, TotalTokenCount = usage.TotalTokenCount };
        }
        return embeddings;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType.IsInstanceOfType(client) ? client
        : null;

    public void Dispose()
    {
    }
}
