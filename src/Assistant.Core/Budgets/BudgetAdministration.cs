using System.Globalization;
using Assistant.Core.Audit;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Budgets;

/// <summary>
/// What admins see and change: every scope's limit, spend and remaining, the threshold events, and a new limit that
/// is stored, audited, and in force for the very next call (the gate reads stored limits on every call).
/// </summary>
public sealed class BudgetAdministration(IBudgetStore store, IAuditLog audit, IOptions<BudgetOptions> options, TimeProvider clock)
{
    /// <summary>The audit log's tool name for budget changes (not a tool action, but belongs in the same record).</summary>
    public const string AuditTool = "budgets";

    public const decimal MaxLimit = 1_000_000m;

    public async Task<IReadOnlyList<BudgetScopeView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var stored = (await store.ListLimitsAsync(cancellationToken)).ToDictionary(limit => limit.Scope);
        var periods = BudgetScopes.All.Select(scope => scope.PeriodOf(now)).ToHashSet();
        var usage = await store.ListUsageAsync(periods, name => BudgetScopes.Find(name)?.Default(settings) ?? 0, cancellationToken);
        return BudgetScopes.All.Select(scope =>
        {
            var limit = stored.TryGetValue(scope.Name, out var set) ? set.Limit : scope.Default(settings);
            var accounts = usage.Where(account => account.Scope == scope.Name && account.Period == scope.PeriodOf(now)).ToList();
            // Feature and global accounts exist from the start: a bar at 0 says "nothing spent", not "unknown".
            if (accounts.Count == 0 && scope.Kind is BudgetKinds.Feature or BudgetKinds.Global)
            {
                accounts.Add(new BudgetUsage(scope.Name, scope.Kind, scope.KeyFor(scope.Feature ?? "", null)!, scope.PeriodOf(now), limit, 0, 0));
            }
            return new BudgetScopeView(scope.Name, scope.Kind, scope.Unit, scope.Period, scope.Description, limit, scope.Default(settings),
                set?.UpdatedBy, set?.UpdatedAt, accounts);
        }).ToList();
    }

    public Task<IReadOnlyList<BudgetEvent>> ListEventsAsync(int limit, CancellationToken cancellationToken = default) =>
        store.ListEventsAsync(limit, cancellationToken);

    /// <summary>What is wrong with setting <paramref name="limit"/> on <paramref name="scope"/>, or null when nothing is.</summary>
    public static string? Problem(BudgetScope scope, decimal? limit) => limit switch
    {
        null => "Send the new limit: {\"limit\": 5.00}.",
        < 0 => "The limit cannot be negative.",
        > MaxLimit => $"The limit cannot be above {MaxLimit:N0}.",
        _ when scope.Unit == "tokens" && (limit < 1 || limit != decimal.Truncate(limit.Value)) => "A token limit is a whole number of at least 1.",
        _ => null,
    };

    /// <summary>Stores and audits a new limit, as <paramref name="username"/> acting in <paramref name="role"/>; the caller has checked it with <see cref="Problem"/>.</summary>
    public async Task<BudgetScopeView> SetLimitAsync(string username, string role, BudgetScope scope, decimal limit, CancellationToken cancellationToken = default)
    {
        if (Problem(scope, limit) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, problem);
        }
        var before = (await ListAsync(cancellationToken)).First(view => view.Name == scope.Name).Limit;
        await store.SetLimitAsync(scope.Name, limit, username, cancellationToken);
        await audit.AppendAsync(new AuditRecord(username, role, AuditEvent.BudgetLimitChanged, AuditTool, "ok",
            Detail: string.Create(CultureInfo.InvariantCulture, $"{scope.Name}: {before} → {limit} {scope.Unit}")), CancellationToken.None);
        return (await ListAsync(cancellationToken)).First(view => view.Name == scope.Name);
    }
}
