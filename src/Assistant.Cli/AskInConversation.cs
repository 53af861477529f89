using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Backoffice;
using Assistant.Core.Conversations;
using Assistant.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>
/// <c>assistant ask --as alice "…"</c>: one turn of a conversation through the same <see cref="ConversationService"/>
/// the web chat uses, so a request to act is planned and proposed exactly as there, and stored in the same database
/// for its requester to confirm in the web UI or over the API. Decisions are never taken here: the CLI has no
/// signed-in user to say yes.
/// </summary>
internal static class AskInConversation
{
    public static async Task<int> RunAsync(IServiceProvider services, string username, string question, string? conversationId, string webUrl, CancellationToken cancellationToken)
    {
        var service = services.GetRequiredService<ConversationService>();
        if (string.IsNullOrWhiteSpace(question) || question.Length > service.MaxQuestionLength)
        {
            await Console.Error.WriteLineAsync($"error: the question must be 1 to {service.MaxQuestionLength:N0} characters; it is {question.Length:N0}.");
            return 2;
        }
        // The web seeds the demo backoffice at startup; tools act on it, so the CLI makes sure of it the same way.
        await BackofficeSeed.EnsureSeededAsync(services.GetRequiredService<IBackofficeSeedStore>(), cancellationToken: cancellationToken);
        var conversations = services.GetRequiredService<IConversationStore>();
        conversationId ??= (await conversations.CreateAsync(username, cancellationToken)).Id;
        if (await conversations.GetRecentAsync(conversationId, ConversationService.ContextMessages, cancellationToken) is not { } conversation
            || conversation.OwnerId != username)
        {
            await Console.Error.WriteLineAsync($"error: {username} has no conversation '{conversationId}'; leave out --conversation to start one.");
            return 2;
        }

        var exitCode = 3;
        await foreach (var item in service.AskAsync(conversation, question.Trim(), new Actor(username, ActorRole.User), cancellationToken))
        {
            switch (item)
            {
                case SensitiveDataRemoved removed:
                    AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(removed.Notice.Message)}[/]");
                    break;
                case AnswerCompleted completed:
                    AnswerPrinter.Print(completed.Answer);
                    exitCode = completed.Answer.Outcome == AnswerOutcome.Answered ? 0 : 3;
                    break;
                case ActionProposed proposed:
                    ActionPrinter.Print(proposed.Action, new WebLinks(webUrl, conversation.Id));
                    exitCode = 0;
                    break;
                case ActionPromptRaised prompt:
                    ActionPrinter.Print(prompt.Prompt);
                    break;
            }
        }
        Console.WriteLine($"conversation {conversation.Id} (continue it with --conversation {conversation.Id})");
        return exitCode;
    }
}
