using System.Text.RegularExpressions;
using Assistant.Core.Actions;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Proposing;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Answers;
using Assistant.Core.Backoffice;

namespace Assistant.Core.Conversations;

/// <summary>
/// Answers a message that asks for an action: plans it from the user's own words, refuses a request that names
/// someone else's account (tools act only on the requester's own), asks for what is missing or unreadable, and
/// otherwise proposes it through <see cref="ActionProposals"/>. The reply's text is what the card or prompt says, so
/// what is stored and what staff review is what the customer saw.
/// </summary>
public sealed partial class ActionRequests(IToolPlanner planner, ToolCatalog tools, ActionProposals proposals, IBackofficeStore backoffice)
{
    private const int MaxWordsChecked = 60;

    /// <summary>The planned call and its tool, or null when the message asks for no action this deployment offers.</summary>
    /// <param name="userId">Whose budget a model call for planning is charged to.</param>
    public async Task<(ProposedToolCall Call, AssistantTool Tool)?> PlanAsync(string message, IReadOnlyList<string> previous, string? userId, CancellationToken cancellationToken) =>
        await planner.PlanAsync(message, previous, userId, cancellationToken) is { } call && tools.Find(call.Tool) is { } tool ? (call, tool) : null;

    public async Task<ActionReply> ReplyAsync(ProposedToolCall call, AssistantTool tool, string message, Actor asker, ActionOrigin origin, CancellationToken cancellationToken)
    {
        var title = tool.Declaration.Title;
        if (await OtherPartyAsync(message, asker, cancellationToken) is { } named)
        {
            return Prompt(call, title, ActionPrompt.Refused,
                $"I can't {Lower(title)} for {named}: tools act only on your own account ({asker.Username}), and I did not change the request to your account. " +
                "The account's owner can ask while signed in, or a workspace admin can help them.");
        }
        if (call.Rejected.Count > 0)
        {
            return Prompt(call, title, ActionPrompt.NeedsInput, $"{string.Join(" ", call.Rejected.Values)} Nothing was requested yet.", [.. call.Rejected.Keys]);
        }
        if (!call.IsComplete)
        {
            return Prompt(call, title, ActionPrompt.NeedsInput, AskFor(tool, call.Missing), call.Missing);
        }
        var outcome = await proposals.ProposeAsync(asker, call.Tool, call.ArgumentsJson(), origin, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Prompt(call, title, ActionPrompt.Refused, outcome.Explanation);
        }
        var action = outcome.Action!;
        var text = action.Result is { } result
            ? result.Summary
            : $"{action.Preview.Summary}{(action.Preview.Conflict is { } conflict ? $" {conflict}" : "")} Check the details, then confirm or cancel.";
        return new ActionReply(new ActionProposed(action), text);
    }

    /// <summary>
    /// Who the request names other than the requester: someone <see cref="OtherParty"/> recognises, or another
    /// customer's username written as a plain word ("upgrade bob to Business", found by the red-team suite), which no
    /// pattern can tell from an ordinary word. Only a request to act is checked, never a question.
    /// </summary>
    private async Task<string?> OtherPartyAsync(string message, Actor asker, CancellationToken cancellationToken)
    {
        if (OtherParty.Find(message) is { } named && !OtherParty.IsSelf(named, asker.Username, await backoffice.GetCustomerAsync(asker.Username, cancellationToken)))
        {
            return named;
        }
        // A request is a sentence or two; the cap bounds the look-ups for a pasted wall of text.
        foreach (var word in Word().Matches(message).Select(match => match.Value.TrimEnd('.', '-').ToLowerInvariant()).Distinct().Take(MaxWordsChecked))
        {
            if (!string.Equals(word, asker.Username, StringComparison.OrdinalIgnoreCase) && await backoffice.GetCustomerAsync(word, cancellationToken) is not null)
            {
                return word;
            }
        }
        return null;
    }

    [GeneratedRegex(@"(?<![\w@.-])[A-Za-z][A-Za-z0-9_.-]{1,31}(?![\w@-])")]
    private static partial Regex Word();

    private static ActionReply Prompt(ProposedToolCall call, string title, string kind, string text, IReadOnlyList<string>? missing = null) =>
        new(new ActionPromptRaised(new ActionPrompt(call.Tool, title, kind, text, missing ?? [])), text);

    /// <summary>"To request a refund I still need: the invoice number such as INV-2026-0142."</summary>
    private static string AskFor(AssistantTool tool, IReadOnlyList<string> missing)
    {
        var properties = tool.Schema.GetProperty("properties");
        var needs = missing.Select(name => properties.TryGetProperty(name, out var property) && property.TryGetProperty("description", out var description)
            ? Lower(description.GetString()!)
            : name);
        return $"To {Lower(tool.Declaration.Title)} I still need: {string.Join("; ", needs)}. Reply with it and I will prepare the request for you to check.";
    }

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
