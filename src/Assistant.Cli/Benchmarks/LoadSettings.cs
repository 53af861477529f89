namespace Assistant.Cli.Benchmarks;

/// <summary>The bounds of a load run: every scenario stops at its request count or its time, whichever comes first.</summary>
internal sealed record LoadSettings(
    IReadOnlyList<int> Connections,
    int RequestsPerScenario,
    TimeSpan ScenarioTime,
    int ConversationLength,
    int LongConversationMessages,
    TimeSpan LongConversationTime,
    int LongConversationWindow,
    int WarmUpRequests);
