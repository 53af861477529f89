using System.Net;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// A support agent working the review queue: lists what awaits approval and approves it, in a random order so two
/// agents sometimes approve the same request at once (exactly one of them gets 200, the other 409, which is right).
/// </summary>
internal sealed class StaffUser(ScaleOutClient client, int seed, WriteLedger ledger)
{
    private const int PerRound = 5;
    private static readonly TimeSpan EmptyQueueWait = TimeSpan.FromMilliseconds(250);

    private readonly Random _random = new(seed);

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var (status, queue) = await client.SendAsync("queue", HttpMethod.Get, "/api/actions?scope=all&status=awaiting-approval", null, [], abort);
            var waiting = status == HttpStatusCode.OK && queue is { } list
                ? list.EnumerateArray().Select(action => action.GetProperty("id").GetString()!).ToArray()
                : [];
            if (waiting.Length == 0)
            {
                await Task.Delay(EmptyQueueWait, abort);
                continue;
            }
            _random.Shuffle(waiting);
            foreach (var id in waiting.Take(PerRound))
            {
                if (stop.IsCancellationRequested)
                {
                    break;
                }
                var (approved, after) = await client.SendAsync("approve", HttpMethod.Post, $"/api/actions/{id}/approve",
                    new { reason = "Checked by the scale-out load run." }, [HttpStatusCode.Conflict], abort);
                if (approved == HttpStatusCode.OK && after is { } view)
                {
                    ledger.Approved.Enqueue(new ActionDecision(id, client.Username, view.GetProperty("status").GetString()!));
                }
            }
        }
    }
}
