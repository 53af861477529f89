using System.Net.Http.Json;
using System.Text.Json;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// Watches the gateway after a kill, from its own endpoints: /healthz (is the replica still available?) and /metrics
/// (did the gateway send it another request: assistant_gateway_attempts_total for that destination grew?). Routing
/// has settled once the replica is out and nothing more reached it for a while.
/// </summary>
internal sealed class RoutingWatch(Uri gateway, RequestLog log) : IDisposable
{
    public const string AttemptsMetric = "assistant_gateway_attempts_total";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan QuietAfterEjection = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Attempts per destination so far (every outcome).</summary>
    public async Task<IReadOnlyDictionary<string, double>> AttemptsAsync(CancellationToken cancellationToken) =>
        PrometheusText.SumBy(await _http.GetStringAsync("/metrics", cancellationToken), AttemptsMetric, "destination");

    public async Task<KillReport> WatchAsync(string destination, double killedAt, double attemptsBefore, CancellationToken cancellationToken)
    {
        double? ejectedAt = null;
        var lastRoutedAt = killedAt;
        var attempts = attemptsBefore;
        while (log.Now - killedAt < Longest.TotalSeconds)
        {
            await Task.Delay(Poll, cancellationToken);
            var now = log.Now;
            try
            {
                var count = (await AttemptsAsync(cancellationToken)).GetValueOrDefault(destination);
                if (count > attempts)
                {
                    attempts = count;
                    lastRoutedAt = now;
                }
                if (ejectedAt is null && !await AvailableAsync(destination, cancellationToken))
                {
                    ejectedAt = now;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                // A slow scrape on a busy machine: the next poll tells.
                continue;
            }
            if (ejectedAt is { } ejected && now - Math.Max(ejected, lastRoutedAt) >= QuietAfterEjection.TotalSeconds)
            {
                break;
            }
        }
        var ejectedAfter = ejectedAt - killedAt;
        var lastRoutedAfter = lastRoutedAt - killedAt;
        return new KillReport(destination, Math.Round(killedAt, 3), ejectedAfter is { } e ? Math.Round(e, 3) : null, Math.Round(lastRoutedAfter, 3),
            Math.Round(Math.Max(ejectedAfter ?? log.Now - killedAt, lastRoutedAfter), 3), Poll.TotalSeconds);
    }

    private async Task<bool> AvailableAsync(string destination, CancellationToken cancellationToken)
    {
        var health = await _http.GetFromJsonAsync<JsonElement>("/healthz", cancellationToken);
        return health.GetProperty("destinations").EnumerateArray()
            .Any(d => d.GetProperty("destination").GetString() == destination && d.GetProperty("available").GetBoolean());
    }

    public void Dispose() => _http.Dispose();
}
