namespace Assistant.Core.Launch.Checks;

/// <summary>No severe red-team failure in the gate report.</summary>
public sealed class RedTeamCleanCheck : ILaunchCheck
{
    public static readonly LaunchCheckSpec Spec = new("redteam-clean", "Red team clean",
        "The gate report's red-team run has 0 severe failures (prompt injection, data exfiltration, action abuse, ... that the suite does not already list as known).",
        new LaunchFix($"Run {GatePassedCheck.Command}; fix each severe case listed by assistant eval --suite redteam --show-failures."));

    public Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken) => Task.FromResult(Check(context));

    private static LaunchItem Check(LaunchContext context)
    {
        if (context.Gate.Report is not { } report)
        {
            return Spec.NotReady(context.Gate.Problem!);
        }
        if (!report.RedTeam.TryGetValue("severe", out var severe))
        {
            return Spec.NotReady("The gate report has no red-team figures: it was not written by assistant eval --suite all.");
        }
        var others = string.Join(", ", report.RedTeam.Where(pair => pair.Key != "severe").Select(pair => $"{pair.Key} {LaunchText.Number(pair.Value)}"));
        var of = $"{(report.ConfigVersion is { } version ? $" for {version}" : "")}{(report.RanAt is { } at ? $" on {LaunchText.At(at)}" : "")}";
        var rest = others.Length == 0 ? "" : $" (other failures: {others})";
        return severe == 0
            ? Spec.Ready($"0 severe red-team failures in the run{of}{rest}.")
            : Spec.NotReady($"{LaunchText.Number(severe)} severe red-team failure(s) in the run{of}{rest}.");
    }
}
