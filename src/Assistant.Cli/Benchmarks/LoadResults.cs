namespace Assistant.Cli.Benchmarks;

/// <param name="Connections">Concurrent connections, each asking its next question as soon as the last was answered.</param>
/// <param name="Answers">Messages answered (2xx) inside the measured window.</param>
/// <param name="Errors">Messages that got another status or failed.</param>
/// <param name="CpuMsPerAnswer">
/// Process CPU time (host and load clients together, as both run here) per answer: steadier than latency on a shared
/// machine, so it shows whether a change made the request path cheaper. It includes the process's idle overhead,
/// so compare it at the same concurrency only.
/// </param>
internal sealed record LoadScenarioResult(
    string Name,
    int Connections,
    int Answers,
    int Errors,
    double Seconds,
    double AnswersPerSecond,
    LatencyStats LatencyMs,
    double CpuMsPerAnswer);

/// <summary>One conversation grown to many messages: the first messages' latency beside the last ones'.</summary>
internal sealed record LongConversationResult(
    int Messages,
    int Errors,
    double Seconds,
    LatencyStats FirstMessagesMs,
    LatencyStats LastMessagesMs,
    int Window);

/// <param name="UniqueQuestions">Whether every message's text was new (see <see cref="LoadQuestions"/>), or golden questions came back as in real traffic.</param>
/// <param name="LoadAverage">The machine's 1-minute load average when the run ended (Linux): above the core count, the figures are not quiet-machine figures.</param>
internal sealed record LoadBenchmarkResult(
    string Machine,
    string? LoadAverage,
    string Knowledge,
    int Questions,
    bool UniqueQuestions,
    int ConversationLength,
    IReadOnlyList<LoadScenarioResult> Scenarios,
    LongConversationResult? LongConversation);
