namespace Assistant.Core.Launch.Checks;

/// <summary>The gate report states the held-out figures: quality measured on cases nothing was tuned on.</summary>
public sealed class HeldOutReportedCheck : ILaunchCheck
{
    // The figures shown as evidence, when the report has them; the page links to the full report for the rest.
    private static readonly string[] Shown = ["answers.retrievalHitAt5", "answers.citationPrecision", "answers.factRecall", "answers.declineRecall"];

    public static readonly LaunchCheckSpec Spec = new("held-out-reported", "Held-out figures reported",
        "The gate report has a held-out section: figures on golden cases kept out of threshold tuning, so the launch quality is not a development figure.",
        new LaunchFix($"Run {GatePassedCheck.Command} with a golden set that has held-out cases (\"split\": \"held-out\")."));

    public Task<LaunchItem> CheckAsync(LaunchContext context, CancellationToken cancellationToken) => Task.FromResult(Check(context));

    private static LaunchItem Check(LaunchContext context)
    {
        if (context.Gate.Report is not { } report)
        {
            return Spec.NotReady(context.Gate.Problem!);
        }
        if (report.HeldOut.Count == 0)
        {
            return Spec.NotReady("The gate report has no held-out section: every figure in it comes from cases the thresholds were tuned on.");
        }
        var figures = Shown.Where(report.HeldOut.ContainsKey).Select(metric => $"{metric["answers.".Length..]} {LaunchText.Number(report.HeldOut[metric])}").ToList();
        return Spec.Ready($"{LaunchText.Count(report.HeldOut.Count, "held-out figure", "held-out figures")} in the report" +
            (figures.Count > 0 ? $": {string.Join(", ", figures)}." : "."));
    }
}
