using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Answers.Semantic;

/// <summary>
/// Thresholds on sentence-embedding similarity, per embedding model (section "Assistant:Answers:Semantic"). A cosine
/// means something different for every model (the hashing generator's measures shared letters, not meaning), so a
/// model without an entry here gets no semantic checks at all and the lexical ones decide alone.
/// </summary>
public sealed class SemanticOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Answers:Semantic";

    /// <summary>Thresholds keyed by the embedding generator's model id (<c>EmbeddingGeneratorMetadata.DefaultModelId</c>).</summary>
    public Dictionary<string, SemanticThresholds> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Embeddings.LocalEmbeddingGenerator.ModelName] = new(),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (model, thresholds) in Models)
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(thresholds, new ValidationContext(thresholds), results, validateAllProperties: true))
            {
                foreach (var result in results)
                {
                    yield return new ValidationResult($"{SectionName}:Models:{model}: {result.ErrorMessage}", result.MemberNames);
                }
            }
        }
    }
}
