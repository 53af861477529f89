using System.Text.Json;

namespace Assistant.Cli.Benchmarks;

/// <summary>A BEIR folder: corpus.jsonl, queries.jsonl and qrels/{split}.tsv.</summary>
internal sealed record BeirDataset(string Name, string CorpusPath, IReadOnlyList<(string Id, string Text)> Queries,
    IReadOnlyDictionary<string, Dictionary<string, int>> Qrels)
{
    public static BeirDataset Load(string folder, string split)
    {
        var corpus = Path.Combine(folder, "corpus.jsonl");
        var queriesPath = Path.Combine(folder, "queries.jsonl");
        var qrelsPath = Path.Combine(folder, "qrels", $"{split}.tsv");
        foreach (var required in new[] { corpus, queriesPath, qrelsPath })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"BEIR dataset file '{required}' is missing; expected corpus.jsonl, queries.jsonl and qrels/{split}.tsv in '{folder}'.");
            }
        }

        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(qrelsPath).Skip(1))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || !int.TryParse(fields[2], out var relevance))
            {
                continue;
            }
            if (!qrels.TryGetValue(fields[0], out var judged))
            {
                qrels[fields[0]] = judged = new Dictionary<string, int>(StringComparer.Ordinal);
            }
            judged[fields[1]] = relevance;
        }

        var queries = new List<(string, string)>();
        foreach (var line in File.ReadLines(queriesPath))
        {
            using var json = JsonDocument.Parse(line);
            var id = json.RootElement.GetProperty("_id").GetString()!;
            if (qrels.ContainsKey(id))
            {
                queries.Add((id, json.RootElement.GetProperty("text").GetString()!));
            }
        }
        return new BeirDataset(Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/')), corpus, queries, qrels);
    }
}
