using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Conversations;
using Assistant.Core.Feedback;
using Assistant.Core.Handoffs;
using Assistant.Core.Storage;
using Assistant.Web.Conversations;
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
    IKnowledgeStore knowledge)
{
    private Actor _user = new("", ActorRole.User);

    private string UserId => _user.Username;

    public IReadOnlyList<ConversationSummary> Conversations { get; private set; } = [];

    public string? ConversationId { get; private set; }

    public List<ChatTurn> Turns { get; } = [];

    public bool Busy { get; private set; }

    public async Task LoadAsync(Actor user, CancellationToken cancellationToken = default)
    {
        _user = user;
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
                turn = new ChatTurn(message.Content);
                Turns.Add(turn);
            }
            else if (turn is not null)
            {
                turn.Answer = message.Answer;
                turn.Feedback = message.Answer is null ? null : await feedback.GetAsync(message.Answer.TraceId, UserId, cancellationToken);
            }
        }
    }

    public void StartNew()
    {
        ConversationId = null;
        Turns.Clear();
    }

    /// <summary>Asks a question, calling <paramref name="changed"/> as text streams in and when the verified answer arrives.</summary>
    public async Task SendAsync(string question, Func<Task> changed, CancellationToken cancellationToken = default)
    {
        question = question.Trim();
        if (question.Length == 0 || Busy)
        {
            return;
        }
        Busy = true;
        var turn = new ChatTurn(question);
        Turns.Add(turn);
        await changed();
        try
        {
            if (ConversationId is null)
            {
                ConversationId = (await conversations.CreateAsync(UserId, cancellationToken)).Id;
            }
            var conversation = (await conversations.GetAsync(ConversationId, cancellationToken))!;
            await foreach (var item in answers.AskAsync(conversation, question, _user, cancellationToken))
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
            Busy = false;
            await changed();
        }
    }

    public async Task<Handoff?> HandOffAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        if (ConversationId is null)
        {
            return null;
        }
        var handoff = await handoffs.CreateAsync(ConversationId, $"Asked for a person after: \"{turn.Question}\"", cancellationToken);
        turn.HandoffId = handoff.Id;
        return handoff;
    }

    /// <summary>Saves the user's rating of an answer; returns the problems when the submission is not valid.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> RateAsync(ChatTurn turn, FeedbackSubmission submission, CancellationToken cancellationToken = default)
    {
        var errors = submission.Validate();
        if (errors.Count == 0 && turn.Answer is not null)
        {
            turn.Feedback = await feedback.SaveAsync(turn.Answer.TraceId, UserId, submission, cancellationToken);
        }
        return errors;
    }

    public Task<ChunkRecord?> PassageAsync(string chunkId, CancellationToken cancellationToken = default) =>
        knowledge.GetChunkAsync(chunkId, cancellationToken);
}
