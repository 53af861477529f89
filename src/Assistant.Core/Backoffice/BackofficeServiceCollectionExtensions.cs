using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Backoffice;

public static class BackofficeServiceCollectionExtensions
{
    /// <summary>
    /// The demo backoffice the tools act on (customers, subscriptions, invoices, orders, tickets), in the app
    /// database, and its seeding side for the hosts' start-up. Needs <c>AddAssistantStorage</c>.
    /// </summary>
    public static IServiceCollection AddAssistantBackoffice(this IServiceCollection services)
    {
        services.AddStore<IBackofficeStore, SqliteBackofficeStore, PostgresBackofficeStore>();
        services.AddStore<IBackofficeSeedStore, SqliteBackofficeStore, PostgresBackofficeStore>();
        return services;
    }
}
