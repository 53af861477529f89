using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Assistant.Core.Knowledge.Sources;

/// <summary>
/// A BEIR-style corpus.jsonl: one JSON object per line with "_id", "title" and "text". Used by the retrieval benchmark;
/// a malformed line is reported with its line number and skipped.
/// </summary>
public sealed class BeirCorpusSource(string corpusPath) : IKnowledgeSource
{
    private int? _count;

    public string Name => corpusPath;

    public int? Count => _count ??= File.ReadLines(corpusPath).Count(line => !string.IsNullOrWhiteSpace(line));

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lineNumber = 0;
        await foreach (var line in File.ReadLinesAsync(corpusPath, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var location = $"{Path.GetFileName(corpusPath)}:{lineNumber}";
            BeirRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<BeirRecord>(line);
            }
            catch (JsonException exception)
            {
                record = null;
                location += $" ({exception.Message})";
            }
            if (record?.Id is null || record.Text is null)
            {
                yield return SourceItem.Rejected($"line-{lineNumber}", location, "not a JSON object with \"_id\" and \"text\"");
                continue;
            }
            yield return new SourceItem(record.Id, location, SourceFormat.PlainText, Encoding.UTF8.GetBytes(record.Text),
                Title: string.IsNullOrWhiteSpace(record.Title) ? record.Id : record.Title);
        }
    }

    private sealed record BeirRecord(
        [property: System.Text.Json.Serialization.JsonPropertyName("_id")] string? Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("title")] string? Title,
        [property: System.Text.Json.Serialization.JsonPropertyName("text")] string? Text);
}
