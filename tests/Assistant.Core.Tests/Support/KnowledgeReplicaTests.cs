using Assistant.Core.Storage;

namespace Assistant.Core.Tests.Support;

/// <summary>The base of suites that run several replicas of one deployment over one knowledge folder and one store.</summary>
public abstract class KnowledgeReplicaTests(StorageProvider provider) : KnowledgeProviderTests(provider)
{
    private readonly string _root = Directory.CreateTempSubdirectory("assistant-replicas-").FullName;

    protected string KnowledgeDirectory => Path.Combine(_root, "knowledge");

    /// <summary>
    /// A replica's services over the shared store. On SQLite replicas share the data folder (the knowledge file is
    /// there); on PostgreSQL each has its own, as hosts on different machines do.
    /// </summary>
    protected TestKnowledgeBase Replica(string name) => Open(settings: ReplicaSettings(name));

    protected Dictionary<string, string?> ReplicaSettings(string name) => new()
    {
        ["Assistant:KnowledgeDirectory"] = KnowledgeDirectory,
        ["Assistant:DataDirectory"] = Path.Combine(_root, Provider == StorageProvider.PostgreSQL ? $"data-{name}" : "data"),
        // One document per write, so a pause leaves documents written in the open transaction.
        ["Assistant:Ingestion:BatchSize"] = "1",
        ["Assistant:Embeddings:BatchSize"] = "1",
    };

    protected void WriteArticle(string name, string body)
    {
        Directory.CreateDirectory(KnowledgeDirectory);
        File.WriteAllText(Path.Combine(KnowledgeDirectory, $"{name}.md"), TestKnowledgeBase.Article(char.ToUpperInvariant(name[0]) + name[1..], body));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
