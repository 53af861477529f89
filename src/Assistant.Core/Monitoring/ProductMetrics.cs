using System.Diagnostics.Metrics;

namespace Assistant.Core.Monitoring;

/// <summary>
/// What the product does, as OpenTelemetry metrics on the meter <see cref="MeterName"/>: answers, their verification
/// and citations, retrieval scores, feedback, handoffs and tool actions. Instruments carry no unit, so the Prometheus
/// names are exactly the names here with dots as underscores (counters gain <c>_total</c>); the alert rules in
/// infra/prometheus depend on them. Durations are seconds, and the name says so.
/// </summary>
public sealed class ProductMetrics
{
    public const string MeterName = "Assistant.Product";

    private readonly Counter<long> _answers;
    private readonly Histogram<double> _answerDuration;
    private readonly Counter<long> _sentences;
    private readonly Counter<long> _unsupported;
    private readonly Histogram<int> _citations;
    private readonly Histogram<double> _topScore;
    private readonly Counter<long> _feedback;
    private readonly Counter<long> _handoffs;
    private readonly Counter<long> _actions;
    private readonly Histogram<double> _approvalWait;

    public ProductMetrics(IMeterFactory meters, IEnumerable<IDriftSignal> drift)
    {
        Meter = meters.Create(MeterName);
        _answers = Meter.CreateCounter<long>("assistant.answers", description: "Answers by outcome (Answered, Abstained, AskedToClarify, ActionRequested) and generator.");
        _answerDuration = Meter.CreateHistogram("assistant.answer.duration.seconds", description: "Time to a verified answer, from the question to the trace.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _sentences = Meter.CreateCounter<long>("assistant.answer.sentences", description: "Sentences the generator drafted, before verification.");
        _unsupported = Meter.CreateCounter<long>("assistant.answer.sentences.unsupported", description: "Drafted sentences no source supported, by what became of them (dropped or marked).");
        _citations = Meter.CreateHistogram<int>("assistant.answer.citations", description: "Distinct passages cited by an answered question.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 4, 5, 8] });
        // Fused scores are ~0.03 at most under reciprocal rank fusion and 0..1 under min-max fusion: buckets cover both.
        _topScore = Meter.CreateHistogram("assistant.retrieval.top_score", description: "Score of the best retrieved passage per question.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1] });
        _feedback = Meter.CreateCounter<long>("assistant.feedback", description: "Feedback on answers by rating and, for a thumbs-down, category.");
        _handoffs = Meter.CreateCounter<long>("assistant.handoffs", description: "Conversations handed to a person.");
        _actions = Meter.CreateCounter<long>("assistant.actions", description: "Steps of tool actions by tool, status (the audit event) and outcome.");
        _approvalWait = Meter.CreateHistogram("assistant.action.approval_wait.seconds", description: "From proposal to an agent's approval or rejection.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600, 72 * 3600] });
        var signals = drift.ToArray();
        Meter.CreateObservableGauge("assistant.drift.query_divergence",
            () => signals.SelectMany(signal => signal.QueryDivergence()).Select(reading => new Measurement<double>(reading.Divergence, new KeyValuePair<string, object?>("window", reading.Window))),
            description: "Jensen-Shannon divergence of recent query terms from the reference window (0 same mix, 1 disjoint).");
    }

    /// <summary>The meter, for gauges other features observe on it (index and embedding progress).</summary>
    public Meter Meter { get; }

    public void AnswerRecorded(AnswerMeasurement answer)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", answer.Outcome);
        _answers.Add(1, outcome, new KeyValuePair<string, object?>("generator", answer.Generator));
        _answerDuration.Record(answer.Seconds, outcome);
        if (answer.Drafted > 0)
        {
            _sentences.Add(answer.Drafted);
        }
        if (answer.Dropped > 0)
        {
            _unsupported.Add(answer.Dropped, new KeyValuePair<string, object?>("action", "dropped"));
        }
        if (answer.Marked > 0)
        {
            _unsupported.Add(answer.Marked, new KeyValuePair<string, object?>("action", "marked"));
        }
        if (answer.Citations is { } citations)
        {
            _citations.Record(citations);
        }
        if (answer.TopScore is { } score)
        {
            _topScore.Record(score);
        }
    }

    public void FeedbackSaved(string rating, IReadOnlyList<string> categories)
    {
        var ratingTag = new KeyValuePair<string, object?>("rating", rating);
        if (categories.Count == 0)
        {
            _feedback.Add(1, ratingTag, new KeyValuePair<string, object?>("category", "none"));
        }
        foreach (var category in categories)
        {
            _feedback.Add(1, ratingTag, new KeyValuePair<string, object?>("category", category));
        }
    }

    public void HandoffCreated() => _handoffs.Add(1);

    public void ActionStep(string tool, string status, string outcome) =>
        _actions.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("status", status), new KeyValuePair<string, object?>("outcome", outcome));

    public void ApprovalDecided(string tool, string decision, TimeSpan waited) =>
        _approvalWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("decision", decision));
}
