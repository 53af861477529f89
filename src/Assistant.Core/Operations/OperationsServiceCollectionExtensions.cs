using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Kill switches and safe mode (Assistant:Operations): the switches every request asks, their store in the app
    /// database and the admin's change. Needs <c>AddAssistantStorage</c> and <c>AddAssistantAudit</c>;
    /// <c>AddAssistantAnswers</c> and <c>AddAssistantActions</c> call it. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddAssistantOperations(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(OperationsSwitches)))
        {
            return services;
        }
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStore<IOperationsStore, SqliteOperationsStore, PostgresOperationsStore>();
        services.AddSingleton<OperationsSwitches>();
        services.AddSingleton<OperationsAdministration>();
        return services;
    }
}
