using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Retrieval.Vectors;

public enum VectorStoreProvider
{
    /// <summary>The default: vectors in the knowledge database file, searched exactly in memory. Nothing to run.</summary>
    Embedded,

    /// <summary>A Qdrant server over gRPC, for knowledge bases that outgrow one process or are shared by replicas.</summary>
    Qdrant,
}

/// <summary>Where chunk vectors live (section "Assistant:VectorStore").</summary>
public sealed class VectorStoreOptions : IValidatableObject
{
    public const string SectionName = "Assistant:VectorStore";

    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.Embedded;

    /// <summary>Qdrant's gRPC address, e.g. http://127.0.0.1:6334 (the REST port 6333 does not speak gRPC).</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,128}$", ErrorMessage = "Assistant:VectorStore:CollectionName may hold letters, digits, '_' and '-' (1 to 128).")]
    public string CollectionName { get; set; } = "assistant-chunks";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == VectorStoreProvider.Qdrant && Endpoint is null)
        {
            yield return new ValidationResult(
                "Assistant:VectorStore:Endpoint is required when Provider is Qdrant (for example http://127.0.0.1:6334).",
                [nameof(Endpoint)]);
        }
    }
}
