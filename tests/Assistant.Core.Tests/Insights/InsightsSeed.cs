using Assistant.Core.Actions;
using Assistant.Core.Feedback;
using Assistant.Core.Handoffs;
using Assistant.Core.Insights;
using Assistant.Core.Insights.Data;
using Assistant.Core.Insights.Drift;
using Assistant.Core.Insights.Gaps;
using Assistant.Core.Tests.Support.Storage;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Tracing;
using Microsoft.Extensions.Options;
using Xunit;

namespace Assistant.Core.Tests.Insights;

/// <summary>
/// An app database (SQLite or PostgreSQL) written through the real stores (traces, feedback, handoffs, pending actions),
/// and the insights service reading it. Handoffs are stamped "now" by their store, so scenarios are placed relative to today.
/// </summary>
public sealed class InsightsSeed(TestStateDatabase database)
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public TestStateDatabase Database { get; } = database;

    public ITraceStore Traces { get; } = database.Pick<ITraceStore>(sqlite => new SqliteTraceStore(sqlite), postgres => new PostgresTraceStore(postgres));

    public IFeedbackStore Feedback { get; } = database.Pick<IFeedbackStore>(sqlite => new SqliteFeedbackStore(sqlite), postgres => new PostgresFeedbackStore(postgres));

    public IHandoffStore Handoffs { get; } = database.Pick<IHandoffStore>(sqlite => new SqliteHandoffStore(sqlite), postgres => new PostgresHandoffStore(postgres));

    public IInsightsSource Source { get; } = database.Pick<IInsightsSource>(sqlite => new SqliteInsightsSource(sqlite), postgres => new PostgresInsightsSource(postgres));

    // Writes an action proposed at a time and moved to its final status.
    private readonly Func<string, DateTimeOffset, string, Task> _writeAction = database.Pick<Func<string, DateTimeOffset, string, Task>>(
        sqlite => ThroughStore(new SqlitePendingActionStore(sqlite)), postgres => ThroughStore(new PostgresPendingActionStore(postgres)));

    public static EnglishAnalyzer Analyzer { get; } = new();

    public InsightsService Service(params string[] eligibleUsers) => new(
        Source, new Accounts(eligibleUsers.ToHashSet()), new DriftAnalyzer(Analyzer), new ContentGapFinder(Analyzer),
        Options.Create(new InsightsOptions()));

    /// <summary>Writes one trace, at noon UTC of <paramref name="day"/>.</summary>
    public async Task<AnswerTrace> AnswerAsync(string id, DateOnly day, string? user, string? conversation, string outcome,
        string question = "How do refunds work?", decimal cost = 0, double ms = 100, int removed = 0, int invalidMarkers = 0,
        params (string Document, double Score)[] passages)
    {
        var trace = new AnswerTrace(id, conversation, user, question, question,
            passages.Select((p, i) => new TracePassage(i + 1, $"{p.Document}#{i}", p.Document, p.Score, p.Score, null)).ToList(),
            "answer-v1", "extractive", null, 10, 10, "bpe", cost, new StageLatency(1, 1, 1, 1, ms), 0.8,
            new VerificationSummary(3, 3 - removed, removed, invalidMarkers), outcome, null,
            new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await Traces.WriteAsync(trace, TestContext.Current.CancellationToken);
        return trace;
    }

    public Task RateAsync(string traceId, string user, string rating, params string[] categories) =>
        Feedback.SaveAsync(traceId, user, new FeedbackSubmission(rating, categories, null), TestContext.Current.CancellationToken);

    public Task HandOffAsync(string conversation) => Handoffs.CreateAsync(conversation, "asked for a person", TestContext.Current.CancellationToken);

    public Task ActionAsync(string id, DateOnly day, string finalStatus) =>
        _writeAction(id, new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), finalStatus);

    private static Func<string, DateTimeOffset, string, Task> ThroughStore(IPendingActionStore actions) => async (id, at, finalStatus) =>
    {
        await actions.CreateAsync(new PendingAction(id, "refund", "{}", "alice", "user", "c1", null, "high", ConfirmationPolicy.Agent,
            "{}", ActionStatus.AwaitingApproval, at, at.AddDays(1)), TestContext.Current.CancellationToken);
        await actions.TransitionAsync(id, [ActionStatus.AwaitingApproval], finalStatus, "sam", "agent", null,
            cancellationToken: TestContext.Current.CancellationToken);
    };

    private sealed class Accounts(IReadOnlySet<string> users) : IEligibleAccounts
    {
        public IReadOnlySet<string> UserIds => users;
    }
}
