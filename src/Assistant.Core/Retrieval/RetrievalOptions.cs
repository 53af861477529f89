using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Retrieval;

public enum FusionMethod
{
    /// <summary>Convex combination of max-normalised scores; uses score magnitudes, not just ranks.</summary>
    Weighted,

    /// <summary>Reciprocal rank fusion, Σ weight / (RrfK + rank).</summary>
    Rrf,
}

/// <summary>
/// Retrieval settings (section "Assistant:Retrieval"). Defaults were chosen on the SciFact *train* queries and then
/// measured once on the test queries (docs/benchmarks/), so the published figures are not tuned to the test set.
/// </summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Assistant:Retrieval";

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation.</summary>
    [Range(0.0, 1.0)]
    public double B { get; set; } = 0.4;

    /// <summary>How many body occurrences one occurrence in the title or heading trail is worth.</summary>
    [Range(0.0, 20.0)]
    public double TitleWeight { get; set; } = 2.0;

    public FusionMethod Fusion { get; set; } = FusionMethod.Weighted;

    /// <summary>
    /// Share of the keyword retriever in fusion; the vector retriever gets the rest. 1 means keyword only. With the
    /// offline hashing embedding, 0.9 costs 0.0005 nDCG@10 on SciFact train against keyword-only while letting the
    /// vector side rescue typos and word variants; with a real embedding model, 0.5–0.7 is the usual choice.
    /// </summary>
    [Range(0.0, 1.0)]
    public double KeywordWeight { get; set; } = 0.9;

    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    /// <summary>Candidates each retriever contributes before fusion.</summary>
    [Range(1, 5000)]
    public int Candidates { get; set; } = 100;

    /// <summary>
    /// Score multiplier for chunks of articles marked <c>status: superseded</c>: they stay findable (someone may
    /// ask about the old policy) but rank below the article that replaced them.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SupersededWeight { get; set; } = 0.5;

    [Range(1, 200)]
    public int DefaultTop { get; set; } = 5;

    [Range(1, 1000)]
    public int MaxTop { get; set; } = 50;
}
