using System.Text.Json;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Budgets;

/// <summary>
/// What a chat request's prompt counts as, in the tokens the provider bills: each message's text with the chat
/// format's framing (OpenAI's published 4 tokens per message and 3 to prime the reply), and the declaration of
/// every tool offered, which the provider sends to the model as part of the prompt.
/// </summary>
internal static class PromptTokens
{
    private const int PerMessage = 4;
    private const int ReplyPriming = 3;

    public static int Count(ITokenCounter tokens, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var count = ReplyPriming;
        foreach (var message in messages)
        {
            count += PerMessage + tokens.CountTokens(message.Text);
        }
        foreach (var tool in options?.Tools ?? [])
        {
            var schema = tool is AIFunctionDeclaration function ? JsonSerializer.Serialize(function.JsonSchema) : "";
            count += PerMessage + tokens.CountTokens(tool.Name) + tokens.CountTokens(tool.Description) + tokens.CountTokens(schema);
        }
        return count;
    }
}
