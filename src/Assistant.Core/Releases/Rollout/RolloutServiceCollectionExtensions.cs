using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;

namespace Assistant.Core.Releases.Rollout;

public static class RolloutServiceCollectionExtensions
{
    /// <summary>
    /// Staged rollout (Assistant:Releases): the stored rollout, its feature definition for Microsoft.FeatureManagement's
    /// targeting, the <see cref="RolloutVersionSelector"/> in place of any other <see cref="IVersionSelector"/>, the
    /// guards and the background check that rolls a bad candidate back. Needs <c>AddAssistantStorage</c>,
    /// <c>AddAssistantAudit</c> and an <see cref="IAssistantVersionStore"/>. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddAssistantRollout(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(CurrentRollout)))
        {
            return services;
        }
        services.AddOptions<ReleasesOptions>().BindConfiguration(ReleasesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddStore<IRolloutStore, SqliteRolloutStore, PostgresRolloutStore>();
        services.AddSingleton<CurrentRollout>();
        services.AddSingleton<PublishedVersions>();
        services.AddStore<IArmSamples, SqliteArmSamples, PostgresArmSamples>();
        services.AddSingleton<RolloutGuards>();
        services.AddSingleton<ReleaseMetrics>();
        services.AddSingleton<RolloutAdministration>();
        services.TryAddSingleton<IUserGroups, NoUserGroups>();
        // Ours before AddFeatureManagement, whose own (configuration) provider is only a TryAdd.
        services.AddSingleton<IFeatureDefinitionProvider, RolloutFeatureDefinitions>();
        services.AddFeatureManagement();
        // Usernames sign in case-insensitively, so an audience typed "Alice" targets alice.
        services.Configure<TargetingEvaluationOptions>(targeting => targeting.IgnoreCase = true);
        // Replaces the default selector whichever was registered first; a later TryAdd of it finds ours.
        services.RemoveAll<IVersionSelector>();
        services.AddSingleton<RolloutVersionSelector>();
        services.AddSingleton<IVersionSelector>(provider => provider.GetRequiredService<RolloutVersionSelector>());
        services.AddSingleton<RolloutGuardService>();
        services.AddHostedService(provider => provider.GetRequiredService<RolloutGuardService>());
        return services;
    }
}
