using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Feedback.Triage;

public static class FeedbackTriageServiceCollectionExtensions
{
    /// <summary>The triage queue and golden-case drafts in the app database. Needs <c>AddAssistantStorage</c> and the audit log.</summary>
    public static IServiceCollection AddAssistantFeedbackTriage(this IServiceCollection services)
    {
        services.AddSingleton<ITriageStore, SqliteTriageStore>();
        services.AddSingleton<IGoldenCaseDraftStore, SqliteGoldenCaseDraftStore>();
        services.AddSingleton<FeedbackTriage>();
        return services;
    }
}
