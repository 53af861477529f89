using Microsoft.Extensions.Options;

namespace Assistant.Core.Launch.Checks;

/// <summary>The runbook exists and has a section for every alert that can fire.</summary>
public sealed class RunbookCheck(IOptions<LaunchOptions> options) : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("runbook", "Runbook covers every alert",
        "docs/runbook.md (Assistant:Launch:RunbookPath) exists and has a heading naming each alert in infra/prometheus/rules: what it means, how to confirm, what to do, when to escalate.",
        new LaunchFix("Add a section per missing alert to docs/runbook.md (heading: the alert's name)."));

    public Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken) => Task.FromResult(Check());

    private LaunchItem Check()
    {
        var settings = options.Value;
        var runbook = Path.GetFullPath(settings.RunbookPath);
        if (!File.Exists(runbook))
        {
            return Spec.NotReady($"There is no runbook at {runbook}.");
        }
        var alerts = AlertRuleFiles.Names(settings.AlertRulesDirectory);
        if (alerts.Count == 0)
        {
            return Spec.NotReady($"No alert rules found in {Path.GetFullPath(settings.AlertRulesDirectory)} to check the runbook against.");
        }
        var missing = RunbookSections.Missing(File.ReadAllText(runbook), alerts);
        return missing.Count == 0
            ? Spec.Ready($"{Path.GetFileName(runbook)} has a section for each of the {alerts.Count} alerts.")
            : Spec.NotReady($"{Path.GetFileName(runbook)} has no section for {missing.Count} of {alerts.Count} alerts: {string.Join(", ", missing)}.");
    }
}
