using Assistant.Core.Actions;
using Assistant.Core.Actions.Deciding;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Actions;

/// <summary>
/// Expires requests nobody decided in time, every <see cref="ActionOptions.ExpirySweepSeconds"/>. Decisions check
/// expiry themselves too, so the sweep only keeps lists and audit timely.
/// </summary>
public sealed class ActionExpirySweeper(ActionExpiry expiry, IOptions<ActionOptions> options, ILogger<ActionExpirySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds));
        do
        {
            try
            {
                if (await expiry.ExpireDueAsync(stoppingToken) is > 0 and var count)
                {
                    logger.LogInformation("Expired {Count} undecided action requests.", count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Expiring undecided action requests failed; retrying at the next sweep.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
