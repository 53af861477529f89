using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Knowledge.Chunking;

/// <summary>How documents are cut into retrievable passages (section "Assistant:Chunking").</summary>
public sealed class ChunkingOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Chunking";

    /// <summary>
    /// Aim for passages of about this many tokens. 350 keeps a help-center section whole in most cases while
    /// leaving room for eight passages in a 4k-token prompt.
    /// </summary>
    [Range(32, 8192)]
    public int TargetTokens { get; set; } = 350;

    /// <summary>
    /// No passage is ever longer than this. Code blocks and tables up to this size stay whole even when they pass
    /// <see cref="TargetTokens"/>; anything longer is cut. 512 is the input limit of the local embedding models.
    /// </summary>
    [Range(32, 8192)]
    public int MaxTokens { get; set; } = 512;

    /// <summary>Tokens of trailing prose repeated at the start of the next passage of the same section.</summary>
    [Range(0, 1024)]
    public int OverlapTokens { get; set; } = 40;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxTokens < TargetTokens)
        {
            yield return new ValidationResult(
                $"MaxTokens ({MaxTokens}) must be at least TargetTokens ({TargetTokens}).", [nameof(MaxTokens)]);
        }
    }
}
