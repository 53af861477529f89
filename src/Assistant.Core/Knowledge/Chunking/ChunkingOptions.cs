using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Knowledge.Chunking;

/// <summary>How documents are cut into retrievable passages (section "Assistant:Chunking").</summary>
public sealed class ChunkingOptions
{
    public const string SectionName = "Assistant:Chunking";

    /// <summary>
    /// Aim for passages of about this many tokens. 350 keeps a help-center section whole in most cases while
    /// leaving room for eight passages in a 4k-token prompt.
    /// </summary>
    [Range(32, 8192)]
    public int TargetTokens { get; set; } = 350;

    /// <summary>Tokens of trailing prose repeated at the start of the next passage of the same section.</summary>
    [Range(0, 1024)]
    public int OverlapTokens { get; set; } = 40;
}
