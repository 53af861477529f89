namespace Assistant.Core.Knowledge.Sources;

/// <summary>Where documents come from. Adding a source (a CMS export, a crawler) means adding one of these.</summary>
public interface IKnowledgeSource
{
    /// <summary>Shown in progress output and reports.</summary>
    string Name { get; }

    /// <summary>How many items the source will yield, when it can tell cheaply; used for progress bars.</summary>
    int? Count { get; }

    IAsyncEnumerable<SourceItem> ReadAsync(CancellationToken cancellationToken = default);
}
