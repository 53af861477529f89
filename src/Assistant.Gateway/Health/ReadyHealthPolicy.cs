using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text.Json;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Assistant.Gateway.Health;

/// <summary>
/// Active health policy "AssistantReady": a replica is healthy when GET /api/health answers 2xx with
/// <c>{"status":"ready"}</c>. "ingesting" (start-up ingest still running) and "degraded" (the ingest failed) count as
/// failures, as do refused connections, timeouts and other status codes. A replica turns unhealthy after
/// <c>AssistantReady.Threshold</c> (cluster metadata, default 2) failures in a row, and healthy on its first ready probe.
/// </summary>
public sealed class ReadyHealthPolicy(IDestinationHealthUpdater healthUpdater, ILogger<ReadyHealthPolicy> logger) : IActiveHealthCheckPolicy
{
    public const string PolicyName = "AssistantReady";
    public const string ThresholdMetadataName = "AssistantReady.Threshold";
    private const int DefaultThreshold = 2;
    // The anonymous answer is {"status":"..."}; anything much longer is not the product's health endpoint.
    private const int MaxBodyBytes = 4096;

    // Weak: a destination dropped by a configuration reload takes its count with it.
    private readonly ConditionalWeakTable<DestinationState, StrongBox<int>> _failures = new();

    public string Name => PolicyName;

    public void ProbingCompleted(ClusterState cluster, IReadOnlyList<DestinationProbingResult> probingResults)
    {
        var threshold = Threshold(cluster);
        var states = new List<NewActiveDestinationHealth>(probingResults.Count);
        foreach (var result in probingResults)
        {
            var destination = result.Destination;
            var status = ReadStatus(result);
            var failures = _failures.GetOrCreateValue(destination);
            if (status == "ready")
            {
                if (Interlocked.Exchange(ref failures.Value, 0) >= threshold)
                {
                    logger.LogInformation("Replica {Destination} is ready again and receives traffic", destination.DestinationId);
                }
                states.Add(new NewActiveDestinationHealth(destination, DestinationHealth.Healthy));
                continue;
            }
            var count = Interlocked.Increment(ref failures.Value);
            // Once when the replica is ejected, not every second while it stays down.
            if (count == threshold)
            {
                logger.LogWarning("Replica {Destination} failed {Failures} health probes in a row and receives no new traffic: {Status}",
                    destination.DestinationId, count, status);
            }
            states.Add(new NewActiveDestinationHealth(destination, count >= threshold ? DestinationHealth.Unhealthy : destination.Health.Active));
        }
        healthUpdater.SetActive(cluster, states);
    }

    private static int Threshold(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(ThresholdMetadataName, out var text) == true
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var threshold) && threshold > 0
                ? threshold
                : DefaultThreshold;

    /// <summary>"ready", another status the replica reported, or why the probe failed.</summary>
    private static string ReadStatus(DestinationProbingResult result)
    {
        if (result.Response is not { } response)
        {
            return $"no response ({result.Exception?.GetType().Name ?? "unknown error"}: {result.Exception?.Message})";
        }
        if (!response.IsSuccessStatusCode)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
        if (response.Content.Headers.ContentLength > MaxBodyBytes)
        {
            return "body too long for a health answer";
        }
        try
        {
            // YARP hands the policy an unread response and awaits nothing here, so the body is read synchronously;
            // it is a few bytes that arrived with the headers.
            using var body = response.Content.ReadAsStream();
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? status.GetString()!
                : "no status in the answer";
        }
        catch (Exception exception) when (exception is JsonException or IOException or HttpRequestException)
        {
            return $"unreadable answer ({exception.Message})";
        }
    }
}
