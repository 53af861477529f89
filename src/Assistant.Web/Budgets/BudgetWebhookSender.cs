using System.Net.Http.Json;
using Assistant.Core.Budgets;
using Microsoft.Extensions.Options;

namespace Assistant.Web.Budgets;

/// <summary>
/// POSTs each threshold crossing as JSON to Assistant:Budgets:WebhookUrl, off the request path: the request that
/// crossed only queued it. A failed delivery (an error status, no answer in time) is tried again after 1, 2, 4, ...
/// times the configured delay, up to the configured attempts; then it is logged and dropped (the event stays listed
/// at GET /api/admin/budgets/events).
/// </summary>
public sealed class BudgetWebhookSender(BudgetEventQueue queue, IHttpClientFactory clients, IOptions<BudgetOptions> options, ILogger<BudgetWebhookSender> logger)
    : BackgroundService
{
    public const string ClientName = "budget-webhook";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var crossing in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await DeliverAsync(crossing, stoppingToken);
        }
    }

    private async Task DeliverAsync(BudgetEvent crossing, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.WebhookUrl is not { } url)
        {
            return;
        }
        var client = clients.CreateClient(ClientName);
        var delay = TimeSpan.FromMilliseconds(settings.WebhookRetryDelayMilliseconds);
        for (var attempt = 1; attempt <= settings.WebhookMaxAttempts; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(settings.WebhookTimeoutSeconds));
                using var response = await client.PostAsJsonAsync(url, crossing, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                logger.LogWarning("Budget webhook answered {Status} to event {Id} (attempt {Attempt} of {Attempts})",
                    (int)response.StatusCode, crossing.Id, attempt, settings.WebhookMaxAttempts);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Budget webhook failed for event {Id} (attempt {Attempt} of {Attempts})", crossing.Id, attempt, settings.WebhookMaxAttempts);
            }
            if (attempt < settings.WebhookMaxAttempts)
            {
                await Task.Delay(delay * Math.Pow(2, attempt - 1), stoppingToken);
            }
        }
        logger.LogError("Budget webhook gave up on event {Id} ({Scope} {Key} {Level})", crossing.Id, crossing.Scope, crossing.Key, crossing.Level);
    }
}
