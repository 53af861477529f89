using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.Feedback.Triage;

/// <summary>
/// Writes drafts in the golden set's JSONL format (evals/golden/README.md), plus <c>source_feedback</c>, which
/// <see cref="Evaluation.GoldenCase.Load"/> ignores: the exported file can be reviewed and run like answers.jsonl.
/// </summary>
public static class GoldenCaseFile
{
    private sealed record Line(
        string Id,
        string Type,
        IReadOnlyList<string> Turns,
        [property: JsonPropertyName("expected_articles")] IReadOnlyList<string> ExpectedArticles,
        IReadOnlyList<string> Facts,
        IReadOnlyList<string> Forbidden,
        string? Notes,
        [property: JsonPropertyName("source_feedback")] string SourceFeedback);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Appends the drafts to the file (created when missing), one JSON object per line.</summary>
    public static async Task AppendAsync(string path, IEnumerable<GoldenCaseDraft> drafts, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var lines = drafts.Select(draft =>
        {
            var golden = draft.ToGoldenCase();
            return JsonSerializer.Serialize(new Line(golden.Id, golden.Type, golden.Turns, golden.ExpectedArticles,
                golden.Facts, golden.Forbidden ?? [], golden.Notes, draft.FeedbackId), Options);
        });
        await File.AppendAllLinesAsync(path, lines, cancellationToken);
    }
}
