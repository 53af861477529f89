namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// The mix of users a run drives through the gateway, each signed in on its own (its own token, so its own rate
/// limit partition and affinity cookie): end users chatting and searching, end users asking for refunds and
/// tickets, and support agents approving refunds. The demo accounts of appsettings.json; alice and bob are the
/// customers the demo backoffice has invoices for.
/// </summary>
internal sealed class ScaleOutDrive(Uri gateway, ScaleOutSettings settings, LoadQuestions questions)
{
    private static readonly (string User, string Password, string[] Invoices)[] Customers =
    [
        ("alice", "alice-demo", ["INV-2026-0142", "INV-2025-0388"]),
        ("bob", "bob-demo", ["INV-2026-0362", "INV-2026-0409", "INV-2026-0455"]),
    ];

    private static readonly (string User, string Password) Agent = ("sam", "sam-demo");

    /// <summary>Runs every user until <paramref name="stop"/>; requests in flight then finish (up to their timeout).</summary>
    public async Task RunAsync(RequestLog log, WriteLedger ledger, CancellationToken stop, CancellationToken abort)
    {
        var clients = new List<ScaleOutClient>();
        var users = new List<Func<Task>>();
        try
        {
            for (var i = 0; i < settings.ChatUsers; i++)
            {
                var (user, password, _) = Customers[i % Customers.Length];
                var client = Add(clients, ScaleOutClient.Connect(gateway, user, password, log));
                var chat = new ChatUser(client, questions, settings.ConversationLength, i * 13, ledger);
                users.Add(() => chat.RunAsync(stop, abort));
            }
            for (var i = 0; i < settings.ActionUsers; i++)
            {
                var (user, password, invoices) = Customers[i % Customers.Length];
                var client = Add(clients, ScaleOutClient.Connect(gateway, user, password, log));
                var actions = new ActionUser(client, invoices, seed: 1000 + i, ledger);
                users.Add(() => actions.RunAsync(stop, abort));
            }
            for (var i = 0; i < settings.Staff; i++)
            {
                var client = Add(clients, ScaleOutClient.Connect(gateway, Agent.User, Agent.Password, log));
                var staff = new StaffUser(client, seed: 2000 + i, ledger);
                users.Add(() => staff.RunAsync(stop, abort));
            }
            var signedIn = await Task.WhenAll(clients.Select(client => client.SignInAsync(abort)));
            if (signedIn.Any(ok => !ok))
            {
                throw new InvalidOperationException($"{signedIn.Count(ok => !ok)} of {clients.Count} users could not sign in through the gateway at {gateway}.");
            }
            await Task.WhenAll(users.Select(user => Task.Run(user, CancellationToken.None)));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Ctrl+C, or requests that would not finish after the stop: the caller reports what was logged.
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static ScaleOutClient Add(List<ScaleOutClient> clients, ScaleOutClient client)
    {
        clients.Add(client);
        return client;
    }
}
