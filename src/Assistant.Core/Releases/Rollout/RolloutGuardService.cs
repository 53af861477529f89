using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Checks the guards every Assistant:Releases:CheckIntervalMilliseconds and, when the candidate has the minimum sample
/// and breaches a guard, rolls it back as "system": everyone gets stable again within the refresh interval. Several
/// replicas may check at once; the store lets only one rollback of a candidate through.
/// </summary>
public sealed partial class RolloutGuardService(CurrentRollout rollout, RolloutGuards guards, RolloutAdministration administration, ReleaseMetrics metrics,
    IOptions<ReleasesOptions> options, TimeProvider clock, ILogger<RolloutGuardService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.CheckIntervalMilliseconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // One failed check (a locked database, a missing version) must not stop the guards for good.
                LogCheckFailed(logger, error);
            }
        }
    }

    /// <summary>One check: the comparison, the share gauge, and a rollback on a breach. Returns the comparison (null with no candidate).</summary>
    public async Task<GuardReport?> CheckAsync(CancellationToken cancellationToken = default)
    {
        var state = await rollout.CurrentAsync(cancellationToken);
        var report = await guards.CompareAsync(state, cancellationToken);
        metrics.CandidateShare(report?.CandidateShare ?? 0);
        if (report?.Breach is not { } breach || !options.Value.AutomaticRollback)
        {
            return report;
        }
        try
        {
            await administration.RollbackAsync(RolloutActor.System, breach: breach, expectedCandidate: state.CandidateId, cancellationToken: cancellationToken);
            LogRolledBack(logger, state.CandidateId!, breach.Metric, breach.Candidate, breach.Stable);
        }
        catch (RolloutConflictException)
        {
            // Another replica or an admin changed the rollout first; the next check sees the new state.
        }
        return report;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Release guard check failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate {Candidate} rolled back automatically: {Metric} {CandidateValue} against stable {StableValue}")]
    private static partial void LogRolledBack(ILogger logger, string candidate, string metric, double candidateValue, double stableValue);
}
