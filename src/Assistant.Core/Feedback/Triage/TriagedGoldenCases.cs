using Assistant.Core.Evaluation;
using Assistant.Core.Storage;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// What <c>assistant eval --data DIR</c> adds to the golden set: every case written in triage in that data folder's
/// app database (pending or exported), skipping ids the golden file already has (an exported case merged into it).
/// </summary>
public static class TriagedGoldenCases
{
    public static async Task<IReadOnlyList<GoldenCase>> AddToAsync(IReadOnlyList<GoldenCase> golden, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var databasePath = new AssistantOptions { DataDirectory = dataDirectory }.DatabasePath;
        if (!File.Exists(databasePath))
        {
            throw new FileNotFoundException($"No app database at {databasePath}: --data must name the folder the web app writes to.", databasePath);
        }
        var drafts = await new SqliteGoldenCaseDraftStore(new SqliteDatabase(databasePath)).ListAsync(cancellationToken: cancellationToken);
        var known = golden.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. golden, .. drafts.Select(d => d.ToGoldenCase()).Where(c => !known.Contains(c.Id))];
    }
}
