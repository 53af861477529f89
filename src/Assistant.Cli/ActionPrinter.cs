using System.Globalization;
using Assistant.Core.Actions;
using Assistant.Core.Conversations;

namespace Assistant.Cli;

/// <summary>
/// Prints what a turn proposed, as the chat's action card shows it: the tool, its arguments, its status, and what
/// happens next, with the exact link and API calls for the requester to confirm or cancel it. Plain lines, never
/// wrapped to the terminal's width, so a command can be copied whole.
/// </summary>
internal static class ActionPrinter
{
    public static void Print(ActionView action, WebLinks links)
    {
        Console.WriteLine();
        Console.WriteLine($"Proposed action {action.Id}: {action.Title} ({action.Tool}), risk {action.Risk}");
        Console.WriteLine($"  arguments: {action.Arguments.GetRawText()}");
        Console.WriteLine($"  status: {action.Status}");
        var details = action.Result is { } result ? result.Details : action.Preview.Changes;
        foreach (var change in details)
        {
            Console.WriteLine($"  {change.Label}: {(change.Before is null ? "" : $"{change.Before} -> ")}{change.After}");
        }
        if (action.Preview.Conflict is { } conflict && action.Result is null)
        {
            Console.WriteLine($"  conflict with policy: {conflict}");
        }
        Console.WriteLine();
        foreach (var line in NextSteps(action, links))
        {
            Console.WriteLine(line);
        }
    }

    public static void Print(ActionPrompt prompt)
    {
        Console.WriteLine();
        Console.WriteLine($"Not requested ({prompt.Kind}): {prompt.Title} ({prompt.Tool})");
        if (prompt.Missing.Count > 0)
        {
            Console.WriteLine($"  missing: {string.Join(", ", prompt.Missing)}");
        }
        Console.WriteLine("  Nothing was stored; answer what is missing with --conversation to continue.");
    }

    private static IEnumerable<string> NextSteps(ActionView action, WebLinks links)
    {
        if (action.Status == ActionStatus.Executed)
        {
            yield return "Nothing to confirm: a look-up of your own records runs at once and changes nothing.";
            yield break;
        }
        if (action.Status != ActionStatus.AwaitingUser)
        {
            yield return $"This request is {action.Status}{(action.DecisionReason is { } reason ? $": {reason}" : "")}.";
            yield break;
        }
        var expires = action.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        yield return $"What happens next: nothing has run. {action.RequestedBy} confirms or cancels it by {expires}, either";
        yield return $"  in the web chat, signed in as {action.RequestedBy}: {links.Chat}";
        yield return $"  or over the API, with a token for {action.RequestedBy}:";
        yield return $"    {links.Token(action.RequestedBy)}";
        yield return $"    {links.Decide(action.Id, "confirm")}";
        yield return $"    {links.Decide(action.Id, "cancel")}";
        yield return action.Policy switch
        {
            ConfirmationPolicy.Agent => $"Once confirmed it waits in the review queue ({links.ReviewQueue}) until a support agent approves it; then it runs once.",
            ConfirmationPolicy.Admin => $"Once confirmed it waits in the review queue ({links.ReviewQueue}) until an admin approves it; then it runs once.",
            _ => "Once confirmed it runs once.",
        };
    }
}
