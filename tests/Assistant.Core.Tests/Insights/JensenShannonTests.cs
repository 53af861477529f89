using Assistant.Core.Insights.Drift;
using Xunit;

namespace Assistant.Core.Tests.Insights;

public sealed class JensenShannonTests
{
    private static Dictionary<string, int> Counts(params (string Term, int Count)[] counts) => counts.ToDictionary(c => c.Term, c => c.Count);

    [Fact]
    public void Matches_a_hand_computed_divergence()
    {
        // P = {a: ½, b: ½}, Q = {a: 1}, M = {a: ¾, b: ¼}.
        // KL(P‖M) = ½·log2(½ / ¾) + ½·log2(½ / ¼) = ½·(−0.5849625) + ½·1 = 0.2075187
        // KL(Q‖M) = 1·log2(1 / ¾) = 0.4150375
        // JSD = ½·(0.2075187 + 0.4150375) = 0.3112781 bits
        var divergence = JensenShannon.Divergence(Counts(("a", 3), ("b", 3)), Counts(("a", 5)));

        Assert.Equal(0.3112781, divergence!.Value, 6);
    }

    [Fact]
    public void Is_zero_for_the_same_mix_at_any_volume_and_one_for_disjoint_terms()
    {
        Assert.Equal(0, JensenShannon.Divergence(Counts(("refund", 2), ("invoic", 1)), Counts(("refund", 20), ("invoic", 10)))!.Value, 12);
        Assert.Equal(1, JensenShannon.Divergence(Counts(("refund", 2)), Counts(("hubspot", 7)))!.Value, 12);
    }

    [Fact]
    public void Is_symmetric()
    {
        var p = Counts(("a", 1), ("b", 4), ("c", 2));
        var q = Counts(("b", 1), ("c", 5), ("d", 3));

        Assert.Equal(JensenShannon.Divergence(p, q)!.Value, JensenShannon.Divergence(q, p)!.Value, 12);
    }

    [Fact]
    public void Has_no_value_when_a_side_has_no_terms() =>
        Assert.Null(JensenShannon.Divergence(Counts(("a", 1)), Counts()));
}
