using Assistant.Core.Monitoring;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Feedback;

public static class FeedbackServiceCollectionExtensions
{
    /// <summary>Feedback on answers, stored against each answer's trace in the app database (SQLite or PostgreSQL). Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantFeedback(this IServiceCollection services)
    {
        services.AddAssistantProductMetrics();
        services.AddStore<IFeedbackStore, SqliteFeedbackStore, PostgresFeedbackStore>();
        return services;
    }
}
