using Assistant.Core.Actions;
using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.Deciding;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Feedback;
using Assistant.Core.Handoffs;
using Assistant.Core.Privacy;
using Assistant.Core.Storage;
using AnswerFeedback = Assistant.Core.Feedback.Feedback;

namespace Assistant.Web.Chat;

/// <summary>
/// The chat page's state and actions, kept out of the markup so they can be tested directly: the user's
/// conversations, the open one's turns, sending a question (streamed), handing off, rating, opening a source.
/// One instance per browser circuit.
/// </summary>
public sealed class ChatSession(
    ConversationService answers,
    IConversationStore conversations,
    IHandoffStore handoffs,
    IFeedbackStore feedback,
    IKnowledgeStore knowledge,
    ActionReader actions,
    ActionDecisions decisions,
    ActionNotifier notifier) : IDisposable
{
    private Actor _user = new("", ActorRole.User);
    private bool _watching;

    // Answers are written one at a time, in the order the questions were sent (a follow-up needs the one before it).
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _pending;

    // Runs an update on the page's renderer; without a page (tests) updates apply at once.
    private Func<Action, Task>? _dispatch;

    private string UserId => _user.Username;

    public Actor User => _user;

    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    public string? ConversationId { get; private set; }

    public List<ChatTurn> Turns { get; } = [];

    /// <summary>True while a question is being answered or waits for an earlier one.</summary>
    public bool Busy => _pending > 0;

    public async Task LoadAsync(Actor user, CancellationToken cancellationToken = default)
    {
        _user = user;
        if (!_watching)
        {
            notifier.Changed += OnActionChanged;
            _watching = true;
        }
        Conversations = await conversations.ListAsync(UserId, cancellationToken: cancellationToken);
    }

    public async Task OpenAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var conversation = await conversations.GetAsync(conversationId, cancellationToken);
        if (conversation is null || conversation.OwnerId != UserId)
        {
            return;
        }
        ConversationId = conversation.Id;
        Turns.Clear();
        ChatTurn? turn = null;
        foreach (var message in conversation.Messages)
        {
            if (message.Role == "user")
            {
                turn = new ChatTurn(message.Content) { MessageId = message.Id, SensitiveData = SensitiveDataNotice.For(SensitiveDataRedactor.MarkersIn(message.Content)) };
                Turns.Add(turn);
            }
            else if (turn is not null)
            {
                turn.Answer = message.Answer;
                turn.Feedback = message.Answer is null ? null : await feedback.GetAsync(message.Answer.TraceId, UserId, cancellationToken);
            }
        }
        foreach (var action in await actions.ListAsync(_user, [], conversation.Id, cancellationToken: cancellationToken))
        {
            if (Turns.Find(t => t.MessageId == action.MessageId) is { } owner)
            {
                owner.Action = action;
            }
        }
    }

    /// <summary>
    /// Routes live action updates (an agent's decision, an expiry) through <paramref name="dispatch"/>, which runs them
    /// on the page's renderer and re-renders.
    /// </summary>
    public void WatchActions(Func<Action, Task> dispatch) => _dispatch = dispatch;

    /// <summary>The requester says yes to the turn's preview: runs a user-confirmed tool, or submits it for review.</summary>
    public Task ConfirmAsync(ChatTurn turn, CancellationToken cancellationToken = default) =>
        DecideAsync(turn, id => decisions.ConfirmAsync(id, _user, cancellationToken));

    public Task CancelAsync(ChatTurn turn, CancellationToken cancellationToken = default) =>
        DecideAsync(turn, id => decisions.CancelAsync(id, _user, cancellationToken: cancellationToken));

    private async Task DecideAsync(ChatTurn turn, Func<string, Task<ActionOutcome>> decide)
    {
        if (turn.Action is null || turn.ActionBusy)
        {
            return;
        }
        turn.ActionBusy = true;
        try
        {
            var outcome = await decide(turn.Action.Id);
            turn.ActionError = outcome.Succeeded ? null : outcome.Message;
            if (outcome.Action is not null)
            {
                turn.Action = outcome.Action;
            }
            else if (!outcome.Succeeded && await actions.GetAsync(turn.Action.Id, _user) is { } current)
            {
                turn.Action = current;
            }
        }
        finally
        {
            turn.ActionBusy = false;
        }
    }

    // Raised on whichever thread decided (often another person's circuit), so the turn is found and changed on ours.
    // Every action change in the process arrives here; only this user's own can be on their cards, and the others
    // would each cost this page a re-render.
    private void OnActionChanged(ActionView changed)
    {
        if (changed.RequestedBy != UserId)
        {
            return;
        }
        void Apply()
        {
            if (Turns.Find(t => t.Action?.Id == changed.Id) is { } turn)
            {
                turn.Action = changed;
            }
        }
        if (_dispatch is null)
        {
            Apply();
            return;
        }
        _ = _dispatch(Apply).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    public void Dispose()
    {
        notifier.Changed -= OnActionChanged;
        _sending.Dispose();
    }

    public void StartNew()
    {
        ConversationId = null;
        Turns.Clear();
    }

    /// <summary>
    /// Asks a question, calling <paramref name="changed"/> as text streams in and when the verified answer arrives.
    /// A question sent while an earlier one is still being answered joins the thread at once and is answered after
    /// it, in order: what the user sent is never dropped.
    /// </summary>
    public async Task<ChatTurn?> SendAsync(string question, Func<Task> changed, CancellationToken cancellationToken = default)
    {
        question = question.Trim();
        if (question.Length == 0)
        {
            return null;
        }
        _pending++;
        // Redacted before the page shows it back, so the raw text lives nowhere but the user's own input box.
        var redacted = SensitiveDataRedactor.Redact(question);
        var turn = new ChatTurn(redacted.Text) { SensitiveData = SensitiveDataNotice.For(redacted.Removed) };
        Turns.Add(turn);
        await changed();
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (ConversationId is null)
            {
                ConversationId = (await conversations.CreateAsync(UserId, cancellationToken)).Id;
            }
            var conversation = (await conversations.GetRecentAsync(ConversationId, ConversationService.ContextMessages, cancellationToken))!;
            await foreach (var item in answers.AskAsync(conversation, redacted.Text, _user, cancellationToken))
            {
                switch (item)
                {
                    case AnswerDelta { Reset: true } delta:
                        turn.Draft.Clear().Append(delta.Text);
                        break;
                    case AnswerDelta delta:
                        turn.Draft.Append(delta.Text);
                        break;
                    case AnswerCompleted completed:
                        turn.Answer = completed.Answer;
                        break;
                    case ActionProposed proposed:
                        turn.Action = proposed.Action;
                        break;
                    case ActionPromptRaised prompt:
                        turn.ActionPrompt = prompt.Prompt;
                        break;
                }
                await changed();
            }
            Conversations = await conversations.ListAsync(UserId, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            turn.Error = "Something went wrong while answering. Your question was not saved; try sending it again.";
        }
        finally
        {
            _pending--;
            _sending.Release();
            await changed();
        }
        return turn;
    }

    public async Task<Handoff?> HandOffAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        if (ConversationId is null)
        {
            return null;
        }
        var handoff = await handoffs.CreateAsync(ConversationId, SensitiveDataRedactor.Redact($"Asked for a person after: \"{turn.Question}\"").Text, cancellationToken);
        turn.HandoffId = handoff.Id;
        return handoff;
    }

    /// <summary>Saves the user's rating of an answer; returns the problems when the submission is not valid.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> RateAsync(ChatTurn turn, FeedbackSubmission submission, CancellationToken cancellationToken = default)
    {
        var errors = submission.Validate();
        submission = submission with { Comment = SensitiveDataRedactor.Clean(submission.Comment) };
        if (errors.Count == 0 && turn.Answer is not null)
        {
            turn.Feedback = await feedback.SaveAsync(turn.Answer.TraceId, UserId, submission, cancellationToken);
        }
        return errors;
    }

    public Task<ChunkRecord?> PassageAsync(string chunkId, CancellationToken cancellationToken = default) =>
        knowledge.GetChunkAsync(chunkId, cancellationToken);
}
