using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>The Prometheus that watches the assistant has loaded every alert rule the repository ships.</summary>
public sealed class AlertRulesLoadedCheck(PrometheusRuleReader prometheus, IOptions<LaunchOptions> options) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("alert-rules-loaded", "Alert rules loaded",
        "Every alert in infra/prometheus/rules is loaded, and healthy, in the Prometheus named by Assistant:Launch:PrometheusUrl.",
        new LaunchFix("Load infra/prometheus/rules/*.yml in Prometheus (rule_files in infra/prometheus/prometheus.yml) and set Assistant:Launch:PrometheusUrl."));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var shipped = AlertRuleFiles.Names(settings.AlertRulesDirectory);
        var folder = Path.GetFullPath(settings.AlertRulesDirectory);
        if (shipped.Count == 0)
        {
            return Spec.NotReady($"No alert rules found in {folder}.");
        }
        if (settings.PrometheusUrl is not { } url)
        {
            return Spec.Unknown($"{LaunchText.Count(shipped.Count, "alert rule is", "alert rules are")} shipped in {folder}; Assistant:Launch:PrometheusUrl is not set, so whether Prometheus loaded them cannot be checked from here.");
        }
        IReadOnlyDictionary<string, string> loaded;
        try
        {
            loaded = await prometheus.LoadedAlertsAsync(url, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return Spec.NotReady($"Could not read the loaded rules from {url}: {error.Message}");
        }
        var missing = shipped.Where(name => !loaded.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            return Spec.NotReady($"Prometheus at {url} has not loaded {missing.Count} of {shipped.Count} shipped alerts: {string.Join(", ", missing)}.");
        }
        var unhealthy = shipped.Where(name => loaded[name] == "err").ToList();
        if (unhealthy.Count > 0)
        {
            return Spec.NotReady($"Prometheus at {url} reports errors evaluating: {string.Join(", ", unhealthy)}.");
        }
        return Spec.Ready($"All {shipped.Count} shipped alerts are loaded in Prometheus at {url}.");
    }
}
