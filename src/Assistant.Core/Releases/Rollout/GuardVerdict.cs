namespace Assistant.Core.Releases.Rollout;

/// <summary>How one guard stands: too few answers to judge, within its allowance, or breached.</summary>
public enum GuardVerdict
{
    Waiting,
    Pass,
    Breach,
}

/// <summary>One row of the guard table: the metric, stable's and the candidate's value, the most allowed, the verdict.</summary>
public sealed record GuardResult(string Metric, string Title, string Definition, string Unit, double Stable, double Candidate, double Allowed, GuardVerdict Verdict);
