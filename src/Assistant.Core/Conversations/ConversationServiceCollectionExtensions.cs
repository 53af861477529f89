using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Conversations: their store, and the <see cref="ConversationService"/> that answers a message from the knowledge
    /// base or, when it asks to act, plans and proposes the action. The web chat, the HTTP API and the CLI's
    /// <c>assistant ask --as</c> all use it. Needs <c>AddAssistantAnswers</c> and <c>AddAssistantActions</c>.
    /// </summary>
    public static IServiceCollection AddAssistantConversations(this IServiceCollection services)
    {
        services.AddStore<IConversationStore, SqliteConversationStore, PostgresConversationStore>();
        services.AddSingleton<ActionRequests>();
        services.AddSingleton<ConversationService>();
        return services;
    }
}
