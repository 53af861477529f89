using System.Collections.Concurrent;
using System.Diagnostics;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>Every request of a run with its times on one clock, which the kill time and the phases also use.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestRecord> _records = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Seconds since the log (the run) started.</summary>
    public double Now => _clock.Elapsed.TotalSeconds;

    public void Add(RequestRecord record) => _records.Enqueue(record);

    public int Count => _records.Count;

    public IReadOnlyList<RequestRecord> Snapshot() => [.. _records];

    /// <summary>Forgets the warm-up: the measured time starts now, at 0.</summary>
    public void Restart()
    {
        _records.Clear();
        _clock.Restart();
    }
}
