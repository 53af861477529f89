namespace Assistant.Core.Launch.Checks;

/// <summary>The release gate passed, and for the version to launch.</summary>
public sealed class GatePassedCheck : ILaunchCheck
{
    public const string Command = "assistant eval --suite all --baseline evals/baselines/main.json --config <version>";

    public static readonly LaunchCheckSpec Spec = new("gate-passed", "Release gate passed for the version to launch",
        "The latest release gate report (assistant eval --suite all) passed, and it evaluated the version that would launch: the rollout's candidate, else the configured version.",
        new LaunchFix($"Run {Command} and fix what fails."));

    public Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken) => Task.FromResult(Check(context));

    private static LaunchItem Check(LaunchContext context)
    {
        if (context.Gate.Report is not { } report)
        {
            return Spec.NotReady(context.Gate.Problem!);
        }
        var when = report.RanAt is { } at ? $" on {LaunchText.At(at)}" : "";
        if (!report.Passed)
        {
            return Spec.NotReady($"The gate FAILED{when}: {string.Join("; ", report.FailedGates)}.");
        }
        var target = context.Target;
        if (report.ConfigVersion is null)
        {
            return Spec.Unknown($"The gate passed{when}, but the report does not name the version it evaluated, so it cannot be tied to {target.Version ?? "the version to launch"}.");
        }
        if (target.Version is null)
        {
            return Spec.Unknown($"The gate passed{when} for {report.ConfigVersion}, but {target.Source}.");
        }
        if (!string.Equals(report.ConfigVersion, target.Version, StringComparison.Ordinal))
        {
            return Spec.NotReady($"The gate passed{when} for {report.ConfigVersion}, but the version to launch is {target.Version} ({target.Source}): evaluate that one.");
        }
        return Spec.Ready($"The gate passed{when} for {target.Version} ({target.Source}).");
    }
}
