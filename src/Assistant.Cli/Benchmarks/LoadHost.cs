extern alias web;

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Assistant.Core.Answers.Semantic;
using Assistant.Core.Retrieval.Vectors;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using StartupIngestion = web::Assistant.Web.Knowledge.StartupIngestion;
using WebProgram = web::Program;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// The real web host, in this process, on Kestrel at 127.0.0.1 with a free port, over a fresh temporary data folder
/// and the given knowledge folder. WebApplicationFactory is the supported way to start another assembly's
/// top-level Program with overridden settings; the requests still cross real loopback TCP.
/// </summary>
internal sealed class LoadHost : WebApplicationFactory<WebProgram>
{
    private readonly string _knowledgeDirectory;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration applied last (bench overhead turns telemetry off with them).</param>
    public LoadHost(string knowledgeDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _knowledgeDirectory = Path.GetFullPath(knowledgeDirectory);
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("assistant-load-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// Starts Kestrel and waits for the start-up ingest, its vectors and the sentence warm-up, so every measured request
    /// sees the whole index and no background embedding competes with the load for the cores.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StartServer();
        await Services.GetRequiredService<StartupIngestion>().Completed.WaitAsync(TimeSpan.FromMinutes(10), cancellationToken);
        await Services.GetRequiredService<VectorBackfill>().RunAsync(cancellationToken: cancellationToken);
        // The host embeds every passage sentence after the vectors (minutes of both cores with the local model):
        // measuring while that runs would measure the warm-up, not the answers.
        AnsiConsole.MarkupLine("Waiting for the passage sentences to be embedded (semantic checks)...");
        await Services.GetRequiredService<SentenceWarmup>().RunAsync(cancellationToken);
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        if (!IPAddress.IsLoopback(IPAddress.Parse(BaseAddress.Host)))
        {
            throw new InvalidOperationException($"The load host must listen on loopback only, not {BaseAddress}.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Assistant:DataDirectory", DataDirectory);
        builder.UseSetting("Assistant:KnowledgeDirectory", _knowledgeDirectory);
        builder.UseSetting("Assistant:Ingestion:IngestOnStartup", "true");
        // Offline answers: the figures are the product's own cost, not a model provider's.
        builder.UseSetting("Assistant:Model:Model", "");
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
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the benchmark for.
        }
    }
}
