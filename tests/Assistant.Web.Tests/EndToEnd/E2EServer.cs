using System.Net;
using Assistant.Web.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Web.Tests.EndToEnd;

/// <summary>
/// The real web host on Kestrel (a browser needs a TCP port, which the in-memory test server does not have), bound to
/// 127.0.0.1 on a free port, over the repository's knowledge/ folder and a fresh temp data folder.
/// </summary>
public sealed class E2EServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("assistant-e2e-data-").FullName;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">More configuration for the host, applied last.</param>
    public E2EServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/; set by <see cref="StartAsync"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the server and waits for the start-up ingest, so the first question sees the whole index.</summary>
    public async Task StartAsync()
    {
        StartServer();
        await Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(2));
        // Every page sees the whole index, vectors included, so answers do not depend on how far the backfill got.
        await Services.GetRequiredService<Assistant.Core.Retrieval.Vectors.VectorBackfill>().RunAsync();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Assistant:DataDirectory", _dataDirectory);
        builder.UseSetting("Assistant:KnowledgeDirectory", Path.Combine(AssistantWebFactory.RepositoryRoot, "knowledge"));
        builder.UseSetting("Assistant:Ingestion:IngestOnStartup", "true");
        // Like every test host: the hashing embedding, fast and deterministic (appsettings.json says Local).
        builder.UseSetting("Assistant:Embeddings:Provider", "Hashing");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        AssistantWebFactory.DeleteTempDirectory(_dataDirectory);
    }
}
