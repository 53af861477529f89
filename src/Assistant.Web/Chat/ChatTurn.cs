using System.Text;
using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Web.Conversations;
using AnswerFeedback = Assistant.Core.Feedback.Feedback;

namespace Assistant.Web.Chat;

/// <summary>One question and its answer as the chat page shows it, including the unverified draft while it streams.</summary>
public sealed class ChatTurn(string question)
{
    public string Question { get; } = question;

    public StringBuilder Draft { get; } = new();

    public Answer? Answer { get; set; }

    public string? Error { get; set; }

    public AnswerFeedback? Feedback { get; set; }

    public string? HandoffId { get; set; }

    /// <summary>The action this turn proposed (or the look-up it ran), shown as a card under the answer.</summary>
    public ActionView? Action { get; set; }

    /// <summary>What the requested action still needs, or why it was refused.</summary>
    public ActionPrompt? ActionPrompt { get; set; }

    public bool IsStreaming => Answer is null && Error is null;
}
