using Assistant.Core.Answers;

namespace Assistant.Core.Conversations;

/// <summary>The reply to a request to act: the event the chat shows (a card or a prompt) and the same in words.</summary>
public sealed record ActionReply(AnswerEvent Event, string Text);
