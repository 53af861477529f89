using System.Diagnostics;

namespace Assistant.Core.Answers;

public enum Stage
{
    Resolve,
    Retrieve,
    Generate,
    Verify,
}

/// <summary>The clock and identity of one answer as it moves through the stages.</summary>
public sealed class AnswerRun(AnswerRequest request, string traceId, AnswerProfile profile)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<Stage, double> _stages = [];
    private double _last;

    public AnswerRequest Request { get; } = request;

    public string TraceId { get; } = traceId;

    /// <summary>What the answer is made with, and the version its trace records.</summary>
    public AnswerProfile Profile { get; } = profile;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public double TotalMilliseconds => _clock.Elapsed.TotalMilliseconds;

    public void Mark(Stage stage)
    {
        var now = _clock.Elapsed.TotalMilliseconds;
        _stages[stage] = Math.Round(now - _last, 3);
        _last = now;
    }

    public double Milliseconds(Stage stage) => _stages.GetValueOrDefault(stage);
}
