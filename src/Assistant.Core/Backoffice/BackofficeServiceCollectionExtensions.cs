using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Backoffice;

public static class BackofficeServiceCollectionExtensions
{
    /// <summary>
    /// The demo backoffice the tools act on (customers, subscriptions, invoices, orders, tickets), in the app
    /// database. The concrete store is registered too, for seeding. Needs <c>AddAssistantStorage</c>.
    /// </summary>
    public static IServiceCollection AddAssistantBackoffice(this IServiceCollection services)
    {
        services.AddSingleton<SqliteBackofficeStore>();
        services.AddSingleton<IBackofficeStore>(provider => provider.GetRequiredService<SqliteBackofficeStore>());
        return services;
    }
}
