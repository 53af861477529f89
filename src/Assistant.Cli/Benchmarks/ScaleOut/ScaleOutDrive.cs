namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// The mix of users a run drives through the gateway, each signed in on its own (its own token, so its own rate
/// limit partition and affinity cookie): end users chatting and searching, end users asking for refunds and
/// tickets, and support agents approving refunds. The demo accounts of appsettings.json; alice and bob are the
/// customers the demo backoffice has invoices for. The same users (signed in once) serve the warm-up and the
/// measured time, so neither measures sign-ins (a password hash costs real CPU).
/// </summary>
internal sealed class ScaleOutDrive : IDisposable
{
    private static readonly (string User, string Password, string[] Invoices)[] Customers =
    [
        ("alice", "alice-demo", ["INV-2026-0142", "INV-2025-0388"]),
        ("bob", "bob-demo", ["INV-2026-0362", "INV-2026-0409", "INV-2026-0455"]),
    ];

    private static readonly (string User, string Password) Agent = ("sam", "sam-demo");

    private readonly List<ScaleOutClient> _clients = [];
    private readonly List<Func<CancellationToken, CancellationToken, Task>> _users = [];

    public ScaleOutDrive(Uri gateway, ScaleOutSettings settings, LoadQuestions questions, RequestLog log, WriteLedger ledger)
    {
        for (var i = 0; i < settings.ChatUsers; i++)
        {
            var (user, password, _) = Customers[i % Customers.Length];
            _users.Add(new ChatUser(Connect(gateway, user, password, log), questions, settings.ConversationLength, i * 13, ledger).RunAsync);
        }
        for (var i = 0; i < settings.ActionUsers; i++)
        {
            var (user, password, invoices) = Customers[i % Customers.Length];
            _users.Add(new ActionUser(Connect(gateway, user, password, log), invoices, seed: 1000 + i, ledger).RunAsync);
        }
        for (var i = 0; i < settings.Staff; i++)
        {
            _users.Add(new StaffUser(Connect(gateway, Agent.User, Agent.Password, log), seed: 2000 + i, ledger).RunAsync);
        }
    }

    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var signedIn = await Task.WhenAll(_clients.Select(client => client.SignInAsync(cancellationToken)));
        if (signedIn.Any(ok => !ok))
        {
            throw new InvalidOperationException($"{signedIn.Count(ok => !ok)} of {_clients.Count} users could not sign in through the gateway.");
        }
    }

    /// <summary>Runs every user until <paramref name="stop"/>; requests in flight then finish (up to their timeout or <paramref name="abort"/>).</summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        try
        {
            await Task.WhenAll(_users.Select(user => Task.Run(() => user(stop, abort), CancellationToken.None)));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Ctrl+C, or requests that would not finish after the stop: the caller reports what was logged.
        }
    }

    private ScaleOutClient Connect(Uri gateway, string user, string password, RequestLog log)
    {
        var client = ScaleOutClient.Connect(gateway, user, password, log);
        _clients.Add(client);
        return client;
    }

    public void Dispose() => _clients.ForEach(client => client.Dispose());
}
