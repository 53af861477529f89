using Assistant.Core.Answers;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Audit;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Releases;

public static class ReleaseServiceCollectionExtensions
{
    /// <summary>
    /// Assistant versions: their store in the app database, the selector that picks one per answer (the configured
    /// version, until a rollout registers its own selector, which replaces this one whichever is added first), and the
    /// answers made with the chosen version. Needs <c>AddAssistantStorage</c> and <c>AddAssistantAnswers</c>;
    /// <c>AddAssistantActions</c> supplies the tool names. Safe to call twice.
    /// </summary>
    public static IServiceCollection AddAssistantReleases(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(IAssistantVersionStore)))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IAuditLog)))
        {
            // The audit feature picks the log for the storage provider; a host without it still audits publishing.
            services.AddAssistantAudit();
        }
        services.TryAddSingleton<IKnownTools, NoKnownTools>();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(PromptLibrary)))
        {
            // A host with tool actions but no answers still validates versions against the answer prompts and policy.
            services.AddSingleton<PromptLibrary>();
            services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.SectionName);
        }
        services.AddStore<IAssistantVersionStore, SqliteAssistantVersionStore, PostgresAssistantVersionStore>();
        services.TryAddSingleton<IVersionSelector, StableVersionSelector>();
        // Replaces Answers' configuration-only profiles, whether AddAssistantAnswers ran before or runs after.
        services.RemoveAll<IAnswerProfiles>();
        services.AddSingleton<IAnswerProfiles, VersionAnswerProfiles>();
        return services;
    }
}
