using Assistant.Core.Actions;
using Assistant.Core.Answers;

namespace Assistant.Core.Conversations;

/// <summary>The turn proposed an action (or looked something up): the card to show under the answer.</summary>
public sealed record ActionProposed(ActionView Action) : AnswerEvent;

/// <summary>
/// The turn asked for an action that cannot be proposed as it stands: something is missing ("Which invoice?") or the
/// tool refused (not your invoice, over a limit). Shown under the answer; nothing was stored.
/// </summary>
public sealed record ActionPromptRaised(ActionPrompt Prompt) : AnswerEvent;

/// <param name="Kind">"needs-input" or "refused".</param>
public sealed record ActionPrompt(string Tool, string Title, string Kind, string Text, IReadOnlyList<string> Missing)
{
    public const string NeedsInput = "needs-input";
    public const string Refused = "refused";
}
