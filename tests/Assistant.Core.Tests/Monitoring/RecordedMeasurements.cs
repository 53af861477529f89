using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Assistant.Core.Tests.Monitoring;

/// <summary>
/// Every measurement recorded on meters made by one <see cref="IMeterFactory"/> (one test's service provider), so
/// tests running in parallel never see each other's figures.
/// </summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();

    public RecordedMeasurements(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> All { get; } = new();

    public IEnumerable<(double Value, Dictionary<string, string?> Tags)> Of(string name) =>
        All.Where(m => m.Name == name).Select(m => (m.Value, m.Tags));

    public double Sum(string name, string? tag = null, string? value = null) =>
        Of(name).Where(m => tag is null || m.Tags.GetValueOrDefault(tag) == value).Sum(m => m.Value);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }
        All.Enqueue((instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
