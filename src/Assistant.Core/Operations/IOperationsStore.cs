namespace Assistant.Core.Operations;

/// <summary>
/// The admin's override of the configured switches: one row, or none when configuration applies. In the state
/// database every replica and the CLI share, so a change made through one is read by all.
/// </summary>
public interface IOperationsStore
{
    /// <summary>The override, or null when there is none.</summary>
    Task<OperationsState?> ReadAsync(CancellationToken cancellationToken = default);

    Task<OperationsState> WriteAsync(OperationsSettings settings, string changedBy, CancellationToken cancellationToken = default);

    Task ClearAsync(CancellationToken cancellationToken = default);
}
