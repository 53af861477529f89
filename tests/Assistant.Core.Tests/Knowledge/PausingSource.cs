using System.Runtime.CompilerServices;
using Assistant.Core.Knowledge.Sources;

namespace Assistant.Core.Tests.Knowledge;

/// <summary>
/// A source that stops after some items until released, so an ingest can be held mid-batch: what it wrote so far
/// sits in its uncommitted transaction while a test looks at the store from elsewhere.
/// </summary>
internal sealed class PausingSource(IKnowledgeSource inner, int pauseAfterItems) : IKnowledgeSource
{
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => inner.Name;

    public int? Count => inner.Count;

    /// <summary>Completes once the ingest has asked for the item after the pause point (the earlier ones are written).</summary>
    public Task Paused => _paused.Task;

    public void Release() => _released.TrySetResult();

    public async IAsyncEnumerable<SourceItem> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var read = 0;
        await foreach (var item in inner.ReadAsync(cancellationToken))
        {
            if (read++ == pauseAfterItems)
            {
                _paused.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }
            yield return item;
        }
    }
}
