using System.Text;
using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Privacy;
using Assistant.Core.Conversations;
using AnswerFeedback = Assistant.Core.Feedback.Feedback;

namespace Assistant.Web.Chat;

/// <summary>One question and its answer as the chat page shows it, including the unverified draft while it streams.</summary>
public sealed class ChatTurn(string question)
{
    /// <summary>The question as kept: sensitive data replaced by markers (the session redacts before it shows it).</summary>
    public string Question { get; } = question;

    /// <summary>Set when card numbers, SSNs or secrets were removed from the question: shown under it.</summary>
    public SensitiveDataNotice? SensitiveData { get; set; }

    /// <summary>The stored id of the user's message, known once the conversation is reopened; actions point at it.</summary>
    public string? MessageId { get; set; }

    public StringBuilder Draft { get; } = new();

    public Answer? Answer { get; set; }

    public string? Error { get; set; }

    public AnswerFeedback? Feedback { get; set; }

    public string? HandoffId { get; set; }

    /// <summary>The action this turn proposed (or the look-up it ran), shown as a card under the answer.</summary>
    public ActionView? Action { get; set; }

    /// <summary>What the requested action still needs, or why it was refused.</summary>
    public ActionPrompt? ActionPrompt { get; set; }

    /// <summary>Why the last confirm or cancel did not go through, shown on the card.</summary>
    public string? ActionError { get; set; }

    /// <summary>True while a confirm or cancel is on its way, so a double click cannot send it twice.</summary>
    public bool ActionBusy { get; set; }

    public bool IsStreaming => Answer is null && Error is null;

    /// <summary>
    /// The reply to a request to act says in words what its card or prompt shows; with the card on screen it would only
    /// repeat it. Reopened later, a prompt is not kept, so its words are shown instead.
    /// </summary>
    public bool ShowsAnswer => Answer is not null && (Answer.Outcome != AnswerOutcome.ActionRequested || (Action is null && ActionPrompt is null));
}
