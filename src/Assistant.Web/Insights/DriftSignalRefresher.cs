using Assistant.Core.Insights;
using Assistant.Core.Insights.Drift;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Insights;

/// <summary>Recomputes the drift signal monitoring reads, at start and then every few minutes.</summary>
public sealed class DriftSignalRefresher(DriftSignal signal, IOptions<InsightsOptions> options, ILogger<DriftSignalRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.DriftRefreshMinutes));
        do
        {
            try
            {
                await signal.RefreshAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A busy or missing database now is no reason to stop: the next tick tries again.
                logger.LogWarning(error, "Could not refresh the drift signal; keeping the last value.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
