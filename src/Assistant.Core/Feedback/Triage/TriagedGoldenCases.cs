using Assistant.Core.Evaluation;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// What <c>assistant eval --data DIR</c> adds to the golden set: every case written in triage in that app database
/// (pending or exported), skipping ids the golden file already has (an exported case merged into it).
/// </summary>
public static class TriagedGoldenCases
{
    public static async Task<IReadOnlyList<GoldenCase>> AddToAsync(IReadOnlyList<GoldenCase> golden, IGoldenCaseDraftStore drafts, CancellationToken cancellationToken = default)
    {
        var written = await drafts.ListAsync(cancellationToken: cancellationToken);
        var known = golden.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. golden, .. written.Select(d => d.ToGoldenCase()).Where(c => !known.Contains(c.Id))];
    }
}
