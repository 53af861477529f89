namespace Assistant.Core.Backoffice;

/// <summary>
/// Loading the demo records into an empty backoffice: the demo's start-up step, kept apart from
/// <see cref="IBackofficeStore"/> so no tool can reach it.
/// </summary>
public interface IBackofficeSeedStore
{
    /// <summary>
    /// Inserts the records in one transaction unless any customer exists already; true when it inserted. The check
    /// and the inserts are one atomic step, so hosts (or replicas) starting at once seed only once.
    /// </summary>
    Task<bool> SeedIfEmptyAsync(BackofficeRecords records, CancellationToken cancellationToken = default);
}
