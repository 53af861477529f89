using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>Conversations and their messages, in the app database. Needs <c>AddAssistantStorage</c>.</summary>
    public static IServiceCollection AddAssistantConversations(this IServiceCollection services)
    {
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        return services;
    }
}
