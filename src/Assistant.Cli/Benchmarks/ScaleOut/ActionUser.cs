using System.Net;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// An end user asking for actions on their own account: small refunds (the customer confirms, then staff must
/// approve) and support tickets (the customer's confirmation runs them). Amounts of a few cents keep the seeded
/// invoices from running dry in a long run; every request's reason is unique, so none is folded into a waiting twin.
/// </summary>
internal sealed class ActionUser(ScaleOutClient client, IReadOnlyList<string> invoices, int seed, WriteLedger ledger)
{
    // A person asks for one thing at a time and reads the preview before confirming.
    private static readonly TimeSpan ThinkTime = TimeSpan.FromMilliseconds(200);

    private readonly Random _random = new(seed);

    // Counts across the warm-up and the measured time, so no request repeats an earlier one's reason.
    private int _asked;

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = _asked++;
            var (tool, arguments) = n % 4 == 3
                ? ("open_ticket", (object)new { subject = $"Load run ticket {seed}-{n}", body = "Opened by the scale-out load run." })
                : ("request_refund", new { invoice = invoices[n % invoices.Count], amount = _random.Next(1, 6) / 100m, reason = $"Load run refund {seed}-{n}" });
            var (status, created) = await client.SendAsync("propose", HttpMethod.Post, "/api/actions", new { tool, arguments }, [], abort);
            if (status is HttpStatusCode.Created or HttpStatusCode.OK && created is { } action)
            {
                var id = action.GetProperty("id").GetString()!;
                ledger.Proposed.Enqueue(new ProposedAction(id, tool, client.Username));
                var (confirmed, after) = await client.SendAsync("confirm", HttpMethod.Post, $"/api/actions/{id}/confirm", null, [], abort);
                if (confirmed == HttpStatusCode.OK && after is { } view)
                {
                    ledger.Confirmed.Enqueue(new ActionDecision(id, client.Username, view.GetProperty("status").GetString()!));
                }
            }
            await Task.Delay(ThinkTime, abort);
        }
    }
}
