using Assistant.Core.Backoffice;

namespace Assistant.Web.Actions;

/// <summary>
/// Seeds the demo backoffice (alice's and bob's subscriptions, orders and invoices) when it is empty, before the app
/// takes requests. It never touches a backoffice that has customers, so demo changes survive restarts.
/// </summary>
public sealed class BackofficeSeeding(IBackofficeSeedStore backoffice, ILogger<BackofficeSeeding> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await BackofficeSeed.EnsureSeededAsync(backoffice, cancellationToken: cancellationToken))
        {
            logger.LogInformation("Seeded the demo backoffice for alice and bob.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
