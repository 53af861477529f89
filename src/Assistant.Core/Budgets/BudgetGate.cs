using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Budgets;

/// <summary>
/// Decides each model call before it is made: the configured model if its worst-case cost fits every budget, else
/// the first cheaper fallback model that fits, else offline. Holds the reservation until the call is settled with
/// what it really cost (or released when it failed), and reports usage and threshold crossings.
/// </summary>
public sealed class BudgetGate(
    IBudgetStore store,
    BudgetPricing pricing,
    BudgetMetrics metrics,
    BudgetEventQueue events,
    IOptions<BudgetOptions> options,
    TimeProvider clock,
    ILogger<BudgetGate> logger)
{
    public bool Enabled => options.Value.Enabled;

    public int DefaultMaxOutputTokens => options.Value.DefaultMaxOutputTokens;

    public decimal Cost(string? model, long inputTokens, long outputTokens) => pricing.Cost(model, inputTokens, outputTokens);

    public async Task<BudgetTicket> ReserveAsync(BudgetCall call, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var stored = (await store.ListLimitsAsync(cancellationToken)).ToDictionary(limit => limit.Scope, limit => limit.Limit);
        decimal Limit(BudgetScope scope) => stored.GetValueOrDefault(scope.Name, scope.Default(settings));

        if (call.PromptTokens + call.MaxOutputTokens > Limit(BudgetScopes.RequestTokens))
        {
            return Offline(call, BudgetScopes.RequestTokens.Name);
        }
        var accounts = Accounts(call, settings);
        string? decidedBy = null;
        for (var i = 0; i < call.Models.Count; i++)
        {
            var model = call.Models[i];
            var worstCase = pricing.Cost(model, call.PromptTokens, call.MaxOutputTokens);
            if (worstCase > Limit(BudgetScopes.RequestUsd))
            {
                decidedBy ??= BudgetScopes.RequestUsd.Name;
                continue;
            }
            var reservation = await store.ReserveAsync(accounts, worstCase, settings.SoftThresholdPercent / 100m, cancellationToken);
            Report(reservation.DeniedBy is { } refused ? [.. reservation.Usage, refused] : reservation.Usage, reservation.Crossings);
            if (reservation.Granted)
            {
                var mode = i == 0 ? BudgetModes.Model : BudgetModes.FallbackModel;
                var notices = new List<string>();
                if (decidedBy is not null)
                {
                    notices.Add(BudgetNotices.SteppedDown(decidedBy, call.Models[0], model));
                }
                var fullest = reservation.Usage.Where(usage => usage.Utilization >= settings.SoftThresholdPercent / 100.0).MaxBy(usage => usage.Utilization);
                if (fullest is not null)
                {
                    notices.Add(BudgetNotices.Remaining(fullest));
                }
                return new BudgetTicket(call.Feature, model, reservation.Id, new BudgetDecision(mode, model, decidedBy),
                    notices.Count == 0 ? null : string.Join(" ", notices));
            }
            var denied = reservation.DeniedBy!;
            // The first refusal decides: a cheaper model that fits still answers because of it.
            decidedBy ??= denied.Scope;
            logger.LogInformation("Budget {Scope} ({Key}) refused {Model} for {Feature}", denied.Scope, denied.Key, model, call.Feature);
        }
        return Offline(call, decidedBy ?? BudgetScopes.RequestUsd.Name);
    }

    /// <summary>Charges what the call really cost in place of its reservation.</summary>
    public async Task SettleAsync(BudgetTicket ticket, decimal cost, CancellationToken cancellationToken = default)
    {
        if (ticket.ReservationId is null)
        {
            return;
        }
        var usage = await store.SettleAsync(ticket.ReservationId, cost, cancellationToken);
        metrics.Record(usage);
        foreach (var account in usage)
        {
            metrics.Spent(account.Kind, ticket.Feature, cost);
        }
    }

    /// <summary>Gives the reservation back: the call failed. Runs even when the caller gave up (no token).</summary>
    public async Task ReleaseAsync(BudgetTicket ticket)
    {
        if (ticket.ReservationId is not null)
        {
            metrics.Record(await store.ReleaseAsync(ticket.ReservationId, CancellationToken.None));
        }
    }

    private BudgetTicket Offline(BudgetCall call, string scope) =>
        new(call.Feature, null, null, new BudgetDecision(BudgetModes.Offline, null, scope), BudgetNotices.Offline(scope));

    private List<BudgetAccount> Accounts(BudgetCall call, BudgetOptions settings)
    {
        var now = clock.GetUtcNow();
        var accounts = new List<BudgetAccount>();
        foreach (var scope in BudgetScopes.Accounts)
        {
            if (scope.KeyFor(call.Feature, call.UserId) is { } key)
            {
                accounts.Add(new BudgetAccount(scope.Name, scope.Kind, key, scope.PeriodOf(now), scope.Default(settings)));
            }
        }
        return accounts;
    }

    private void Report(IReadOnlyList<BudgetUsage> usage, IReadOnlyList<BudgetEvent> crossings)
    {
        metrics.Record(usage);
        foreach (var crossing in crossings)
        {
            logger.LogWarning("Budget {Scope} ({Key}, {Period}) crossed its {Level} threshold: {Used} of {Limit} USD",
                crossing.Scope, crossing.Key, crossing.Period, crossing.Level, crossing.Used, crossing.Limit);
            metrics.Crossed(crossing);
            if (options.Value.WebhookUrl is not null)
            {
                events.Enqueue(crossing);
            }
        }
    }
}
