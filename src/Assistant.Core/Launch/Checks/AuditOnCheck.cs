using Assistant.Core.Audit;
using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>The audit log takes entries now and has been taking them: a probe write succeeds and a recent row exists.</summary>
public sealed class AuditOnCheck(IAuditLog audit, IOptions<LaunchOptions> options, IOptions<StorageOptions> storage, IOptions<AssistantOptions> assistant)
    : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("audit-on", "Audit on",
        "The audit log accepts a write now (a probe entry, rolled back) and has entries from the last Assistant:Launch:AuditRecentDays days, so admin changes and tool actions are being recorded.",
        new LaunchFix("Open the audit log; check the state database (Assistant:Storage) takes writes and that admin changes appear.", "/admin/audit"));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        try
        {
            await audit.ProbeWriteAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Named, because "refused" means a different fix for a read-only file than for a database server.
            return Spec.NotReady($"The audit log in {storage.Value.Describe(assistant.Value)} refused a probe write: {error.Message}");
        }
        var days = options.Value.AuditRecentDays;
        var recent = await audit.ListAsync(new AuditQuery(From: context.Now.AddDays(-days), Limit: AuditQuery.MaxLimit), cancellationToken);
        if (recent.Count == 0)
        {
            var newest = (await audit.ListAsync(new AuditQuery(Limit: 1), cancellationToken)).FirstOrDefault();
            return Spec.NotReady($"The audit log is writable but has no entry from the last {days} days" +
                (newest is null ? " (it is empty)." : $" (the newest is {newest.Event} on {LaunchText.At(newest.At)})."));
        }
        var count = recent.Count >= AuditQuery.MaxLimit ? $"{AuditQuery.MaxLimit} or more" : recent.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var latest = recent[0];
        return Spec.Ready($"Writable (probe rolled back); {count} entries in the last {days} days, the newest {latest.Event} by {latest.Actor} on {LaunchText.At(latest.At)}.");
    }
}
