using System.Diagnostics.Metrics;

namespace Assistant.Core.Releases.Rollout;

/// <summary>
/// Rollouts as OpenTelemetry metrics on the meter <see cref="MeterName"/> (exported on /metrics with the others):
/// <c>assistant_release_rollbacks_total</c> by who rolled back (system or admin) and <c>assistant_release_candidate_share</c>,
/// the share of the rollout's answers the candidate gave at the last guard check (0 with no candidate). The alert
/// AssistantCanaryRolledBack in infra/prometheus depends on these names.
/// </summary>
public sealed class ReleaseMetrics
{
    public const string MeterName = "Assistant.Releases";

    private readonly Counter<long> _rollbacks;
    private double _candidateShare;

    public ReleaseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rollbacks = meter.CreateCounter<long>("assistant.release.rollbacks", description: "Candidates rolled back, by trigger (automatic: a guard breached; manual: an admin).");
        meter.CreateObservableGauge("assistant.release.candidate_share", () => Volatile.Read(ref _candidateShare),
            description: "Share of the running rollout's answers that the candidate gave (0 when no candidate is rolled out).");
        // Both series exist from the start at 0: Prometheus' increase() cannot see a first rollback on a series born at 1.
        _rollbacks.Add(0, Trigger(automatic: true));
        _rollbacks.Add(0, Trigger(automatic: false));
    }

    public void RolledBack(bool automatic) => _rollbacks.Add(1, Trigger(automatic));

    private static KeyValuePair<string, object?> Trigger(bool automatic) => new("trigger", automatic ? "automatic" : "manual");

    public void CandidateShare(double share) => Volatile.Write(ref _candidateShare, share);
}
