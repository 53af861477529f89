using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests;

/// <summary>
/// The real web host over a fresh temp data directory, and either the repository's knowledge/ folder or a temp
/// knowledge folder the test fills with <see cref="WriteArticle"/>. Folders the factory created are deleted on dispose;
/// folders passed in belong to the caller.
/// </summary>
public sealed class AssistantWebFactory : WebApplicationFactory<Program>
{
    private readonly List<string> _owned = [];
    private readonly bool _ingestOnStartup;

    public AssistantWebFactory(string? knowledgeDirectory = null, string? dataDirectory = null, bool ingestOnStartup = true)
    {
        KnowledgeDirectory = knowledgeDirectory ?? CreateOwnedTempDirectory("assistant-web-knowledge-");
        DataDirectory = dataDirectory ?? CreateOwnedTempDirectory("assistant-web-data-");
        _ingestOnStartup = ingestOnStartup;
    }

    public string KnowledgeDirectory { get; }

    public string DataDirectory { get; }

    /// <summary>More configuration for the host (a model endpoint, budget limits), applied last; set before it starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    public static AssistantWebFactory ForRepositoryKnowledge() => new(Path.Combine(RepositoryRoot, "knowledge"));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string WriteArticle(string relativePath, string content)
    {
        var path = Path.Combine(KnowledgeDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The demo accounts of appsettings.json and their passwords (appsettings.Development.json shows them too).</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoPasswords = new Dictionary<string, string>
    {
        ["alice"] = "alice-demo",
        ["bob"] = "bob-demo",
        ["sam"] = "sam-demo",
        ["ada"] = "ada-demo",
    };

    /// <summary>
    /// Starts the host, waits for the start-up ingest (so the test sees a fully built index) and signs in: the client
    /// carries a bearer token of <paramref name="username"/> (alice, an end user, unless said otherwise).
    /// </summary>
    public async Task<HttpClient> CreateIngestedClientAsync(string username = "alice")
    {
        var client = CreateClient();
        await Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        await WaitForEmbeddingsAsync();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await GetTokenAsync(username));
        return client;
    }

    /// <summary>Waits until the background backfill has given every chunk of the served index a vector.</summary>
    public async Task WaitForEmbeddingsAsync(TimeSpan? timeout = null)
    {
        var backfill = Services.GetRequiredService<Assistant.Core.Retrieval.Vectors.VectorBackfill>();
        var index = Services.GetRequiredService<Assistant.Core.Retrieval.KnowledgeIndex>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (backfill.Status is not { State: Assistant.Core.Retrieval.Vectors.EmbeddingState.Complete } status || status.Total != index.Current.Chunks.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Embeddings not complete: {backfill.Status}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>A bearer token from POST /api/auth/token, as a scripted client would get one.</summary>
    public async Task<string> GetTokenAsync(string username)
    {
        using var anonymous = CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username, password = DemoPasswords[username] });
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Assistant:DataDirectory", DataDirectory);
        builder.UseSetting("Assistant:KnowledgeDirectory", KnowledgeDirectory);
        builder.UseSetting("Assistant:Ingestion:IngestOnStartup", _ingestOnStartup ? "true" : "false");
        // The hashing embedding keeps the suite within CI's budget; tests of the local model embed small corpora themselves.
        builder.UseSetting("Assistant:Embeddings:Provider", "Hashing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the database file open, which blocks deleting it on Windows.
        SqliteConnection.ClearAllPools();
        foreach (var directory in _owned)
        {
            DeleteTempDirectory(directory);
        }
    }

    public static void DeleteTempDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test that used it.
        }
    }

    private string CreateOwnedTempDirectory(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        _owned.Add(path);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Assistant.sln above {AppContext.BaseDirectory}.");
    }
}
