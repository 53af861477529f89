using Assistant.Core.Retrieval.Fusion;
using Xunit;

namespace Assistant.Core.Tests.Retrieval;

public sealed class RankFusionTests
{
    private static readonly (int, float)[] Keyword = [(0, 10f), (1, 5f), (2, 0f)];
    private static readonly (int, float)[] Vector = [(1, 0.9f), (3, 0.1f)];

    [Fact]
    public void Weighted_fusion_adds_max_normalised_scores()
    {
        var fused = RankFusion.Weighted(Keyword, 0.5, Vector, 0.5);

        Assert.Equal(0.5, fused[0], 6);
        Assert.Equal(0.5 * 0.5 + 0.5, fused[1], 6);
        Assert.Equal(0.0, fused[2], 6);
        Assert.Equal(0.5 * 0.1 / 0.9, fused[3], 6);
    }

    [Fact]
    public void Reciprocal_rank_fusion_sums_weight_over_k_plus_rank()
    {
        var fused = RankFusion.Reciprocal(Keyword, 1, Vector, 1, k: 60);

        Assert.Equal(1.0 / 61, fused[0], 9);
        Assert.Equal(1.0 / 62 + 1.0 / 61, fused[1], 9);
        Assert.Equal(1.0 / 63, fused[2], 9);
        Assert.Equal(1.0 / 62, fused[3], 9);
    }

    [Fact]
    public void A_retriever_with_zero_weight_contributes_nothing()
    {
        var fused = RankFusion.Weighted(Keyword, 1, Vector, 0);

        Assert.False(fused.ContainsKey(3));
        Assert.Equal(1.0, fused[0], 6);
    }
}
