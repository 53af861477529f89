using System.Threading.Channels;

namespace Assistant.Core.Budgets;

/// <summary>
/// Threshold crossings waiting for the webhook sender: the request that crossed only drops the event here and goes
/// on. Bounded so a webhook that is down for days cannot grow memory; the oldest unsent events go first (the store
/// keeps them all).
/// </summary>
public sealed class BudgetEventQueue
{
    private readonly Channel<BudgetEvent> _channel = Channel.CreateBounded<BudgetEvent>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<BudgetEvent> Reader => _channel.Reader;

    public void Enqueue(BudgetEvent crossing) => _channel.Writer.TryWrite(crossing);
}
