using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Embeddings;

public enum EmbeddingProvider
{
    /// <summary>Feature hashing of words and character n-grams: no model, no network, thousands of passages per second, lexical only.</summary>
    Hashing,

    /// <summary>
    /// The default: a real sentence-embedding model on the CPU (all-MiniLM-L6-v2, shipped inside a NuGet package):
    /// semantic vectors offline, at tens of passages per second, filled in behind the keyword index.
    /// </summary>
    Local,

    /// <summary>Any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Azure OpenAI v1, Ollama, vLLM, llama.cpp).</summary>
    OpenAI,
}

/// <summary>Which embedding generator vectors come from (section "Assistant:Embeddings").</summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Embeddings";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Vector size of the hashing generator. 512 keeps collisions rare for help-center vocabularies.</summary>
    [Range(64, 8192)]
    public int Dimensions { get; set; } = 512;

    /// <summary>Base address of the OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1 for Ollama.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>
    /// Texts per embeddings request. The backfill embeds this many per core, then stores them and reports progress:
    /// 16 keeps a stopped run's lost work and the progress bar's steps to about a second with the local model, while
    /// an OpenAI-compatible endpoint still gets a few requests per second rather than one per text.
    /// </summary>
    [Range(1, 2048)]
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Memory for the vectors of recent search queries (<see cref="QueryEmbeddings"/>): repeated questions skip the
    /// model. 0 turns the cache off.
    /// </summary>
    [Range(0, 4096)]
    public int QueryCacheMegabytes { get; set; } = 32;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == EmbeddingProvider.OpenAI && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult(
                "Assistant:Embeddings:Model is required when Provider is OpenAI (for example text-embedding-3-small).",
                [nameof(Model)]);
        }
    }
}
