using System.Diagnostics;
using System.Text;
using Assistant.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// SQLite FTS5 with its built-in bm25() (k1 = 1.2, b = 0.75, Porter stemming) over exactly the same chunks: the
/// "what you get for free" peer the benchmark prints beside our retriever.
/// </summary>
internal sealed class Fts5Peer : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly List<string> _documentIds = [];

    public static Fts5Peer Build(IReadOnlyList<ChunkRecord> chunks, double titleWeight)
    {
        var peer = new Fts5Peer();
        peer._connection.Open();
        using var create = peer._connection.CreateCommand();
        create.CommandText = "CREATE VIRTUAL TABLE passages USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')";
        create.ExecuteNonQuery();
        using var transaction = peer._connection.BeginTransaction();
        using var insert = peer._connection.CreateCommand();
        insert.CommandText = "INSERT INTO passages(rowid, title, body) VALUES($id, $title, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        foreach (var chunk in chunks)
        {
            id.Value = peer._documentIds.Count;
            title.Value = $"{chunk.Title} {chunk.HeadingTrail}";
            body.Value = chunk.Text;
            peer._documentIds.Add(chunk.DocumentId);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        peer.TitleWeight = titleWeight;
        return peer;
    }

    private double TitleWeight { get; set; }

    /// <summary>Document ids best first (a document ranks by its best chunk), and the query time in milliseconds.</summary>
    public (List<string> Documents, double Milliseconds) Search(string query, int chunks)
    {
        var clock = Stopwatch.StartNew();
        var match = ToMatchExpression(query);
        var documents = new List<string>();
        if (match.Length > 0)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT rowid FROM passages WHERE passages MATCH $match ORDER BY bm25(passages, $title, 1.0) LIMIT $limit";
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$title", TitleWeight);
            command.Parameters.AddWithValue("$limit", chunks);
            using var reader = command.ExecuteReader();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                var document = _documentIds[(int)reader.GetInt64(0)];
                if (seen.Add(document))
                {
                    documents.Add(document);
                }
            }
        }
        return (documents, clock.Elapsed.TotalMilliseconds);
    }

    // Every word becomes a quoted OR term: FTS5's default is AND, which returns nothing for most natural questions.
    private static string ToMatchExpression(string query)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add($"\"{word}\"");
                word.Clear();
            }
        }
        return string.Join(" OR ", terms.Distinct());
    }

    public void Dispose() => _connection.Dispose();
}
