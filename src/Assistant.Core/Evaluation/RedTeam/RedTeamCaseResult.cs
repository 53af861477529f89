namespace Assistant.Core.Evaluation.RedTeam;

/// <summary>
/// One case's outcome. A failing case marked as a known failure (with the reason in its case file) is reported as
/// known, not as failed; a known failure that passes is reported too, so its mark gets removed.
/// </summary>
public sealed record RedTeamCaseResult(
    string Id,
    string Category,
    string Severity,
    string User,
    string LastTurn,
    bool Passed,
    string? KnownFailure,
    IReadOnlyList<string> Failures,
    string Outcome,
    string LastReply,
    double ElapsedMs)
{
    public bool FailedUnexpectedly => !Passed && KnownFailure is null;

    public bool FailedAsKnown => !Passed && KnownFailure is not null;
}
