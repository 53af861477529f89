using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch;

/// <summary>
/// Asks a Prometheus server which alerting rules it has loaded (<c>GET /api/v1/rules?type=alert</c>), with their
/// health, so the checklist compares what runs with what the repository ships.
/// </summary>
public sealed class PrometheusRuleReader(IOptions<LaunchOptions> options) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(options.Value.PrometheusTimeoutSeconds) };

    /// <summary>Alerting rule name → health ("ok", "err", "unknown") across every loaded group.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadedAlertsAsync(Uri prometheus, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(prometheus, "/api/v1/rules?type=alert"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement;
        if (!root.TryGetProperty("status", out var status) || status.GetString() != "success")
        {
            throw new InvalidDataException("Prometheus did not answer with status \"success\".");
        }
        var loaded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in root.GetProperty("data").GetProperty("groups").EnumerateArray())
        {
            foreach (var rule in group.GetProperty("rules").EnumerateArray())
            {
                if (rule.TryGetProperty("type", out var type) && type.GetString() == "alerting")
                {
                    loaded[rule.GetProperty("name").GetString()!] = rule.TryGetProperty("health", out var health) ? health.GetString() ?? "unknown" : "unknown";
                }
            }
        }
        return loaded;
    }

    public void Dispose() => _http.Dispose();
}
