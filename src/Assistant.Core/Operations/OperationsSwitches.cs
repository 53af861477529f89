using Assistant.Core.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Operations;

/// <summary>
/// The switches every request asks. The state is held in memory and read again from the app database once it is
/// older than Assistant:Operations:RefreshMilliseconds (500 ms by default), so a change made by another replica is in
/// force here within a second while a request costs one read at most twice a second.
/// </summary>
public sealed class OperationsSwitches
{
    private readonly IOptions<OperationsOptions> _options;
    private readonly PolledState<OperationsState> _state;

    public OperationsSwitches(IOperationsStore store, IOptions<OperationsOptions> options, TimeProvider clock)
    {
        _options = options;
        _state = new PolledState<OperationsState>(async cancellationToken => await store.ReadAsync(cancellationToken) ?? Configured,
            () => TimeSpan.FromMilliseconds(options.Value.RefreshMilliseconds), clock);
    }

    public ValueTask<OperationsState> CurrentAsync(CancellationToken cancellationToken = default) => _state.CurrentAsync(cancellationToken);

    /// <summary>The state at the last read, for a page that renders synchronously; null before the first read.</summary>
    public OperationsState? LastKnown => _state.LastKnown;

    public OperationsState Configured => new(_options.Value.ToSettings(), OperationsState.FromConfiguration, null, null);

    /// <summary>A change made in this process is in force here at once, without waiting for the next read.</summary>
    internal void Hold(OperationsState state) => _state.Hold(state);
}
