using Assistant.Core.Audit;
using Assistant.Core.Operations;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>The kill switch was drilled: a switch turned on, then everything cleared, within the window.</summary>
public sealed class KillSwitchTestedCheck(IAuditLog audit, IOptions<LaunchOptions> options) : ILaunchCheck
{
    // OperationsAdministration writes "before → after" (or "before → configuration: after"); "after" is Describe's text.
    private const string Arrow = " → ";
    private const string FromConfiguration = "configuration: ";
    private static readonly string AllOn = OperationsAdministration.Describe(new OperationsSettings(false, [], false, false, "-"));

    public static readonly LaunchCheckSpec Spec = new("kill-switch-tested", "Kill switch tested",
        "Within Assistant:Launch:KillSwitchWindowDays days an admin turned a switch on (a tool off, safe mode or maintenance) and then cleared them all: the audit log has both operations-changed entries.",
        new LaunchFix("Drill it on the Operations page: turn on safe mode, check the chat banner, then go back to configuration.", "/admin/operations"));

    public async Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var days = options.Value.KillSwitchWindowDays;
        var changes = (await audit.ListAsync(new AuditQuery(Event: AuditEvent.OperationsChanged, From: context.Now.AddDays(-days), Limit: AuditQuery.MaxLimit), cancellationToken))
            .OrderBy(entry => entry.Sequence).ToList();
        AuditEntry? on = null;
        foreach (var change in changes)
        {
            var after = After(change.Detail);
            if (after is null)
            {
                continue;
            }
            if (after != AllOn)
            {
                on ??= change;
            }
            else if (on is not null)
            {
                return Spec.Ready($"Turned on by {on.Actor} on {LaunchText.At(on.At)} ({After(on.Detail)}), cleared by {change.Actor} on {LaunchText.At(change.At)}.");
            }
        }
        var evidence = on is not null
            ? $"A switch was turned on by {on.Actor} on {LaunchText.At(on.At)} ({After(on.Detail)}) and has not been cleared since."
            : $"{LaunchText.Count(changes.Count, "switch change", "switch changes")} in the last {days} days, none turning a switch on.";
        return Spec.NotReady($"No drill in the last {days} days: {evidence}");
    }

    private static string? After(string? detail)
    {
        var arrow = detail?.LastIndexOf(Arrow, StringComparison.Ordinal) ?? -1;
        if (arrow < 0)
        {
            return null;
        }
        var after = detail![(arrow + Arrow.Length)..];
        return after.StartsWith(FromConfiguration, StringComparison.Ordinal) ? after[FromConfiguration.Length..] : after;
    }
}
