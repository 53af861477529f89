using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Feedback.Triage;

public static class FeedbackTriageServiceCollectionExtensions
{
    /// <summary>The triage queue and golden-case drafts in the app database (SQLite or PostgreSQL). Needs <c>AddAssistantStorage</c> and the audit log.</summary>
    public static IServiceCollection AddAssistantFeedbackTriage(this IServiceCollection services)
    {
        services.AddStore<ITriageStore, SqliteTriageStore, PostgresTriageStore>();
        services.AddStore<IGoldenCaseDraftStore, SqliteGoldenCaseDraftStore, PostgresGoldenCaseDraftStore>();
        services.AddSingleton<FeedbackTriage>();
        return services;
    }
}
