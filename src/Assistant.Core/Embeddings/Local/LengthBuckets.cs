namespace Assistant.Core.Embeddings.Local;

/// <summary>
/// Groups texts of similar token counts into batches, so the padding a batch needs (every row as long as its longest)
/// stays small. The budget caps rows × longest row: measured here, larger batches of 300-token passages were slower
/// per passage than single ones (cache), while short texts such as queries gain from sharing one inference.
/// </summary>
internal static class LengthBuckets
{
    public static List<int[]> Group(IReadOnlyList<int> tokenCounts, int tokenBudget)
    {
        var batches = new List<int[]>();
        var current = new List<int>();
        foreach (var index in Enumerable.Range(0, tokenCounts.Count).OrderBy(i => tokenCounts[i]))
        {
            // Sorted ascending, so the text being added is the longest of the batch.
            if (current.Count > 0 && (current.Count + 1) * tokenCounts[index] > tokenBudget)
            {
                batches.Add([.. current]);
                current.Clear();
            }
            current.Add(index);
        }
        if (current.Count > 0)
        {
            batches.Add([.. current]);
        }
        return batches;
    }
}
