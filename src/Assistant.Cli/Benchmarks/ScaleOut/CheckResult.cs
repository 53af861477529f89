namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>One check of the database against what the users were told.</summary>
/// <param name="Checked">How many things it looked at (messages, actions, invoices...).</param>
/// <param name="Failures">How many of them were wrong: lost, doubled or missing their records.</param>
internal sealed record CheckResult(string Name, bool Passed, int Checked, int Failures, string Detail)
{
    public static CheckResult Of(string name, int checkedCount, int failures, string detail) =>
        new(name, failures == 0, checkedCount, failures, detail);

    /// <summary>A check that could not run is a failure that says why, never a crash of the whole report.</summary>
    public static CheckResult Unavailable(string name, int checkedCount, string why) => new(name, false, checkedCount, checkedCount, why);
}
