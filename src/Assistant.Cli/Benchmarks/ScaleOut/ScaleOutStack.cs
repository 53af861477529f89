using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// What one run stands on: a throwaway PostgreSQL cluster, N replicas of the web app (each its own data folder, all
/// on the PostgreSQL provider with one connection string, offline answers, no keys) and the gateway in front, its
/// destinations set on its command line. Disposing stops all of it, the cluster last.
/// </summary>
internal sealed class ScaleOutStack : IAsyncDisposable
{
    // The gateway's appsettings.json names three destinations; with fewer replicas the rest point at replica 1, so
    // nothing is routed to an address this run does not own.
    private const int ConfiguredDestinations = 3;

    private readonly List<ServiceProcess> _replicas = [];

    private ScaleOutStack(string workDirectory) => WorkDirectory = workDirectory;

    public string WorkDirectory { get; }

    public ThrowawayPostgres? Postgres { get; private set; }

    public ServiceProcess? Gateway { get; private set; }

    public IReadOnlyList<ServiceProcess> Replicas => _replicas;

    public static string DestinationName(int index) => $"replica{index + 1}";

    public static async Task<ScaleOutStack> StartAsync(int replicas, ScaleOutSettings settings, string workDirectory, CancellationToken cancellationToken)
    {
        var stack = new ScaleOutStack(workDirectory);
        try
        {
            AnsiConsole.MarkupLine("  starting PostgreSQL (durable settings)...");
            stack.Postgres = await ThrowawayPostgres.StartAsync(BuildOutput.RepositoryRoot, cancellationToken);
            for (var i = 0; i < replicas; i++)
            {
                stack._replicas.Add(ServiceProcess.Start(DestinationName(i), BuildOutput.Dll("Assistant.Web"), BuildOutput.RepositoryRoot,
                    Path.Combine(workDirectory, DestinationName(i) + ".log"), ReplicaArguments(i, stack.Postgres.ConnectionString, settings, workDirectory)));
            }
            foreach (var replica in stack._replicas)
            {
                var address = await replica.ListeningAsync(TimeSpan.FromMinutes(3), cancellationToken);
                AnsiConsole.MarkupLine($"  {replica.Name} listening on {address} (pid {replica.Id})");
            }
            stack.Gateway = ServiceProcess.Start("gateway", BuildOutput.Dll("Assistant.Gateway"), BuildOutput.RepositoryRoot,
                Path.Combine(workDirectory, "gateway.log"), GatewayArguments([.. stack._replicas.Select(r => r.Address)], settings.GatewaySettings));
            AnsiConsole.MarkupLine($"  gateway listening on {await stack.Gateway.ListeningAsync(TimeSpan.FromMinutes(1), cancellationToken)}");
            await stack.WaitReadyAsync(settings.ReadyTimeout, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>A replica's command line: its own data folder, the shared database, offline answers, the run's settings last.</summary>
    public static IEnumerable<string> ReplicaArguments(int index, string connectionString, ScaleOutSettings settings, string workDirectory)
    {
        var arguments = new Dictionary<string, string>
        {
            ["Assistant:DataDirectory"] = Path.Combine(workDirectory, DestinationName(index)),
            ["Assistant:KnowledgeDirectory"] = Path.GetFullPath(settings.KnowledgeDirectory),
            ["Assistant:Storage:Provider"] = "PostgreSQL",
            ["Assistant:Storage:ConnectionString"] = connectionString,
            // Offline answers: no model endpoint, no keys, no network.
            ["Assistant:Model:Model"] = "",
            // The run asks for more than a person would in a day; the defaults (5 tickets, 10 waiting) would refuse it.
            ["Assistant:Actions:TicketsPerDay"] = "1000",
            ["Assistant:Actions:MaxWaitingPerUser"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings.ReplicaSettings)
        {
            arguments[key] = value;
        }
        return arguments.Select(pair => $"--{pair.Key}={pair.Value}");
    }

    /// <summary>The gateway's command line: its destinations set to the replicas, its per-user limit out of the way.</summary>
    public static IEnumerable<string> GatewayArguments(IReadOnlyList<Uri> replicas, IReadOnlyDictionary<string, string> settings)
    {
        for (var i = 0; i < Math.Max(replicas.Count, ConfiguredDestinations); i++)
        {
            var replica = i < replicas.Count ? replicas[i] : replicas[0];
            yield return $"--ReverseProxy:Clusters:assistant:Destinations:{DestinationName(i)}:Address={replica}";
        }
        // Each simulated user makes far more than 600 requests a minute (the default per-user limit).
        yield return "--Gateway:RateLimits:PermitLimit=1000000";
        yield return "--Logging:LogLevel:Default=Warning";
        yield return "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information";
        // Last, so they win over the run's own.
        foreach (var (key, value) in settings)
        {
            yield return $"--{key}={value}";
        }
    }

    /// <summary>
    /// Ready when every replica answers "ready", the gateway routes to all of them, and every replica has been quiet
    /// for a few seconds: the start-up ingest, the vectors and the sentence warm-up done, so no background work
    /// competes with the load for the cores.
    /// </summary>
    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var lastCpu = _replicas.Select(r => r.CpuSeconds()).ToArray();
        var sampled = System.Diagnostics.Stopwatch.StartNew();
        var quietFor = new int[_replicas.Count];
        var printedAt = DateTime.MinValue;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var states = new List<string>();
            // Cores in use since the last sample: CPU seconds over wall seconds (a slow health call stretches the interval).
            var wall = Math.Max(sampled.Elapsed.TotalSeconds, 0.001);
            sampled.Restart();
            for (var i = 0; i < _replicas.Count; i++)
            {
                var replica = _replicas[i];
                if (replica.HasExited)
                {
                    throw new InvalidOperationException($"{replica.Name} exited while starting. The end of {replica.LogPath}:\n{replica.Tail()}");
                }
                var status = await StatusAsync(http, new Uri(replica.Address, "/api/health"), cancellationToken);
                var cpu = replica.CpuSeconds();
                var busy = (cpu - lastCpu[i]) / wall;
                lastCpu[i] = cpu;
                // Under a tenth of a core for three samples in a row: nothing is being embedded or loaded.
                quietFor[i] = status == "ready" && busy is null or < 0.1 ? quietFor[i] + 1 : 0;
                states.Add($"{replica.Name} {status}{(busy is { } b ? $" cpu {b * 100:F0}%" : "")}");
            }
            var (available, destinations) = await AvailableAsync(http, cancellationToken);
            if (quietFor.All(q => q >= 3) && destinations > 0 && available == destinations)
            {
                AnsiConsole.MarkupLine($"  ready: {Markup.Escape(string.Join(", ", states))}; gateway routes to all");
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not ready after {timeout.TotalMinutes:N0} min: {string.Join(", ", states)}; gateway destinations available: {available} of {destinations}. Logs in {WorkDirectory}.");
            }
            if (DateTime.UtcNow - printedAt > TimeSpan.FromSeconds(10))
            {
                printedAt = DateTime.UtcNow;
                AnsiConsole.MarkupLine($"  [grey]waiting: {Markup.Escape(string.Join(", ", states))}; gateway destinations available: {available} of {destinations}[/]");
            }
        }
    }

    private static async Task<string> StatusAsync(HttpClient http, Uri health, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetFromJsonAsync<JsonElement>(health, cancellationToken);
            return body.GetProperty("status").GetString() ?? "?";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return "not answering";
        }
    }

    private async Task<(int Available, int Destinations)> AvailableAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetFromJsonAsync<JsonElement>(new Uri(Gateway!.Address, "/healthz"), cancellationToken);
            var destinations = body.GetProperty("destinations").EnumerateArray().ToList();
            return (destinations.Count(d => d.GetProperty("available").GetBoolean()), destinations.Count);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return (0, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Processes first (SIGKILL, instant), so a Ctrl+C's short grace still reaches the cluster's stop.
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
    }
}
