using Assistant.Core;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Embeddings;
using Assistant.Core.Evaluation;
using Assistant.Core.Handoffs;
using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Models;
using Assistant.Core.Releases;
using Assistant.Core.Retrieval;
using Assistant.Core.Retrieval.Vectors;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Core.Tests.Support;

/// <summary>
/// The real knowledge services (SQLite file, pipeline, index, retriever) over a fresh temp folder per test.
/// Write articles with <see cref="Write"/>, then <see cref="IngestAsync"/>. Pass a <see cref="Storage.TestStateDatabase"/>'s
/// settings to keep the index in PostgreSQL instead; two instances on one database are two replicas.
/// </summary>
public sealed class TestKnowledgeBase : IDisposable
{
    private readonly ServiceProvider _services;

    public TestKnowledgeBase(Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        Root = Directory.CreateTempSubdirectory("assistant-test-").FullName;
        KnowledgeDirectory = Path.Combine(Root, "knowledge");
        Directory.CreateDirectory(KnowledgeDirectory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Assistant:DataDirectory"] = Path.Combine(Root, "data"),
                ["Assistant:KnowledgeDirectory"] = KnowledgeDirectory,
                // The hashing embedding keeps the suite within CI's budget; tests of the local model say so.
                ["Assistant:Embeddings:Provider"] = "Hashing",
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddAssistantStorage()
            .AddAssistantEmbeddings()
            .AddAssistantRetrieval()
            .AddAssistantKnowledge()
            .AddAssistantModels()
            .AddAssistantTracing()
            .AddAssistantAnswers()
            .AddAssistantReleases()
            .AddAssistantConversations()
            .AddAssistantHandoffs()
            .AddAssistantEvaluation();
        configure?.Invoke(services);
        Registrations = [.. services];
        _services = services.BuildServiceProvider();
    }

    public string Root { get; }

    public string KnowledgeDirectory { get; }

    /// <summary>What the features registered, for tests of the composition itself.</summary>
    public IReadOnlyList<ServiceDescriptor> Registrations { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public IKnowledgeStore Store => Get<IKnowledgeStore>();

    public void Write(string relativePath, string content) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(content));

    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(KnowledgeDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>Ingests the knowledge folder and then embeds it, as a one-shot command does.</summary>
    public Task<IngestionReport> IngestAsync() => Get<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(TestContext.Current.CancellationToken);

    /// <summary>The keyword phase only: vectors are left for <see cref="EmbedAsync"/>.</summary>
    public Task<IngestionReport> IngestKeywordsAsync() => Get<KnowledgeBase>().IngestDefaultFolderAsync(cancellationToken: TestContext.Current.CancellationToken);

    public Task<EmbeddingStatus> EmbedAsync() => Get<VectorBackfill>().RunAsync(cancellationToken: TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int top = 5) =>
        (await Get<HybridRetriever>().SearchAsync(new SearchRequest(query, top), TestContext.Current.CancellationToken)).Hits;

    public static string Article(string title, string body, string tags = "[general]") =>
        $"---\ntitle: {title}\naudience: customers\nupdated: 2026-01-01\ntags: {tags}\n---\n\n# {title}\n\n{body}\n";

    public void Dispose()
    {
        // Async: on PostgreSQL the container holds a data source, which only disposes asynchronously.
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Idempotent: a provider suite disposes every instance it opened, some of which a test disposed already.
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
