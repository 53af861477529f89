namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// One stretch of a run: answers are chat messages answered (200); requests are every call the users made (sign-in,
/// conversations, search, actions, approvals). Requests count in the phase in which they ended.
/// </summary>
/// <param name="ErrorsByKind">Failed requests by kind and status, e.g. "answer 502" or "confirm no response".</param>
internal sealed record PhaseStats(
    string Name,
    double StartSeconds,
    double Seconds,
    int Answers,
    double AnswersPerSecond,
    LatencyStats AnswerLatencyMs,
    int Requests,
    double RequestsPerSecond,
    LatencyStats RequestLatencyMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorsByKind);
