using Assistant.Core.Answers;
using Assistant.Core.Privacy;

namespace Assistant.Core.Conversations;

/// <summary>
/// The user's message held a card number, an SSN or a secret, now replaced by markers: the question as it was kept
/// (stored, answered, traced), and the notice to show. Comes first in a turn, before any answer text.
/// </summary>
public sealed record SensitiveDataRemoved(string Question, SensitiveDataNotice Notice) : AnswerEvent;
