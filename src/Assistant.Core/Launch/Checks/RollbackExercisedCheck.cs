using Assistant.Core.Audit;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>A candidate version was rolled back recently, so the path that pulls a bad release is known to work.</summary>
public sealed class RollbackExercisedCheck(IAuditLog audit, IOptions<LaunchOptions> options) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("rollback-exercised", "Rollback exercised",
        "The audit log has a rollout-rolled-back entry from the last Assistant:Launch:RollbackWindowDays days: a candidate was pulled back, automatically by a guard metric (actor \"system\") or by an admin.",
        new LaunchFix("Start a rollout of a candidate on the Releases page and roll it back.", "/admin/releases"));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var days = options.Value.RollbackWindowDays;
        var recent = await audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack, From: context.Now.AddDays(-days), Limit: AuditQuery.MaxLimit), cancellationToken);
        if (recent.Count == 0)
        {
            var last = (await audit.ListAsync(new AuditQuery(Event: AuditEvent.RolloutRolledBack, Limit: 1), cancellationToken)).FirstOrDefault();
            return Spec.NotReady($"No rollback in the last {days} days" + (last is null ? "; none ever recorded." : $"; the last was on {LaunchText.At(last.At)}."));
        }
        var latest = recent[0];
        var how = latest.Actor == AuditRecord.SystemActor ? "automatically (guard metric)" : $"by {latest.Actor}";
        var detail = latest.Detail is { Length: > 0 } text ? $": {text}" : "";
        return Spec.Ready($"{LaunchText.Count(recent.Count, "rollback", "rollbacks")} in the last {days} days; the latest on {LaunchText.At(latest.At)}, {how}{detail}.");
    }
}
