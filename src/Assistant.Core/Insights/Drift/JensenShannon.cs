namespace Assistant.Core.Insights.Drift;

/// <summary>
/// Jensen–Shannon divergence of two term-count distributions, in bits: 0 when the mixes are the same, 1 when they share
/// no term. Symmetric and always finite (unlike Kullback–Leibler), so a term seen in only one window is fine.
/// </summary>
public static class JensenShannon
{
    /// <summary>Null when either side has no terms: there is nothing to compare.</summary>
    public static double? Divergence(IReadOnlyDictionary<string, int> p, IReadOnlyDictionary<string, int> q)
    {
        double totalP = p.Values.Sum(), totalQ = q.Values.Sum();
        if (totalP == 0 || totalQ == 0)
        {
            return null;
        }
        var divergence = 0.0;
        foreach (var term in p.Keys.Union(q.Keys))
        {
            var pi = p.GetValueOrDefault(term) / totalP;
            var qi = q.GetValueOrDefault(term) / totalQ;
            var mi = (pi + qi) / 2;
            divergence += Half(pi, mi) + Half(qi, mi);
        }
        // Rounding can leave a hair below zero or above one.
        return Math.Clamp(divergence, 0, 1);
    }

    // One side's share of the term's contribution: ½ · x · log2(x / m); a term absent from a side adds nothing for it.
    private static double Half(double x, double m) => x == 0 ? 0 : 0.5 * x * Math.Log2(x / m);
}
