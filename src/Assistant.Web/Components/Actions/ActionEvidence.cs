using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Backoffice;

namespace Assistant.Web.Components.Actions;

/// <summary>
/// What a reviewer needs to decide on one action: the exchange that led to it, who asked and what they may do, and
/// every step so far.
/// </summary>
/// <param name="Question">The user's message that proposed the action, when it came from a chat.</param>
/// <param name="Answer">The assistant's answer to that message.</param>
/// <param name="RequesterRole">The role the requester held when they asked, from the first step of the history.</param>
public sealed record ActionEvidence(
    ActionView Action,
    string? Question,
    Answer? Answer,
    string? RequesterRole,
    Customer? Customer,
    Subscription? Subscription,
    IReadOnlyList<ActionTransition> History)
{
    /// <summary>The help-center articles the answer cited, each once.</summary>
    public IReadOnlyList<string> CitedTitles =>
        Answer is null ? [] : [.. Answer.Sentences.SelectMany(s => s.Citations).Select(c => c.Title).Distinct(StringComparer.Ordinal)];
}
