using Assistant.Core.Actions;
using Assistant.Core.Actions.Deciding;
using Assistant.Core.Answers;
using Assistant.Core.Feedback;
using Assistant.Core.Handoffs;
using Assistant.Web.Chat;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Assistant.Web.Tests.Chat;

/// <summary>The chat page's logic, tested directly (bUnit does not restore here, so the markup stays thin).</summary>
public sealed class ChatSessionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(AssistantWebFactory Factory, AsyncServiceScope Scope)> StartAsync()
    {
        var factory = AssistantWebFactory.ForRepositoryKnowledge();
        using var _ = await factory.CreateIngestedClientAsync();
        return (factory, factory.Services.CreateAsyncScope());
    }

    [Fact]
    public async Task Sending_streams_a_draft_then_the_verified_answer_and_lists_the_new_conversation()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);
            var drafts = new List<string>();

            await session.SendAsync("How long do I have to request a full refund?", () =>
            {
                if (session.Turns.Count > 0 && session.Turns[^1].Answer is null)
                {
                    drafts.Add(session.Turns[^1].Draft.ToString());
                }
                return Task.CompletedTask;
            }, Cancel);

            var turn = Assert.Single(session.Turns);
            Assert.Contains(drafts, draft => draft.Length > 0);
            Assert.Equal(AnswerOutcome.Answered, turn.Answer!.Outcome);
            Assert.Contains("14 days", turn.Answer.Text);
            Assert.False(session.Busy);
            Assert.Equal(session.ConversationId, Assert.Single(session.Conversations).Id);
        }
    }

    [Fact]
    public async Task A_question_sent_while_another_is_answered_joins_the_thread_at_once_and_is_answered_after_it()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);

            // The first answer is held at its first update until the second question has been sent.
            var secondSent = new TaskCompletionSource();
            var first = session.SendAsync("How long do I have to request a full refund?", () => secondSent.Task, Cancel);
            var second = session.SendAsync("How do I invite teammates?", () => Task.CompletedTask, Cancel);
            Assert.Equal(2, session.Turns.Count);
            Assert.True(session.Busy);
            secondSent.SetResult();
            await Task.WhenAll(first, second);

            Assert.Equal(["How long do I have to request a full refund?", "How do I invite teammates?"], session.Turns.Select(t => t.Question));
            Assert.All(session.Turns, turn => Assert.Equal(AnswerOutcome.Answered, turn.Answer!.Outcome));
            Assert.Same(session.Turns[1], await second);
            Assert.False(session.Busy);
            Assert.Single(session.Conversations);
        }
    }

    [Fact]
    public async Task An_action_request_shows_its_card_or_prompt_without_an_answer_above_it()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);

            // The reply is only an invoice number: the help center has nothing on it, the unfinished refund does.
            await session.SendAsync("I want a refund", () => Task.CompletedTask, Cancel);
            await session.SendAsync("INV-2025-0388", () => Task.CompletedTask, Cancel);

            var asked = session.Turns[0];
            Assert.Equal("needs-input", asked.ActionPrompt!.Kind);
            // The reply is the prompt itself, in the same words, so nothing else sits above it.
            Assert.Equal((AnswerOutcome.ActionRequested, asked.ActionPrompt.Text), (asked.Answer!.Outcome, asked.Answer.Text));
            Assert.False(asked.ShowsAnswer);
            var refund = session.Turns[1];
            Assert.Equal(ActionStatus.AwaitingUser, refund.Action!.Status);
            Assert.Equal(AnswerOutcome.ActionRequested, refund.Answer!.Outcome);
            Assert.False(refund.ShowsAnswer);
        }
    }

    [Fact]
    public async Task Reopening_a_conversation_restores_its_turns_and_feedback()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);
            await session.SendAsync("How long do I have to request a full refund?", () => Task.CompletedTask, Cancel);
            var errors = await session.RateAsync(session.Turns[0], new FeedbackSubmission(FeedbackRating.Down, ["outdated"], "old"), Cancel);
            var id = session.ConversationId!;

            var reopened = factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<ChatSession>();
            await reopened.LoadAsync(new("alice", "user"), Cancel);
            await reopened.OpenAsync(id, Cancel);

            Assert.Empty(errors);
            var turn = Assert.Single(reopened.Turns);
            Assert.Equal("How long do I have to request a full refund?", turn.Question);
            Assert.Equal("down", turn.Feedback!.Rating);
        }
    }

    [Fact]
    public async Task Another_users_conversation_does_not_open()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var alice = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await alice.LoadAsync(new("alice", "user"), Cancel);
            await alice.SendAsync("How do I reset my password?", () => Task.CompletedTask, Cancel);

            var bob = factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<ChatSession>();
            await bob.LoadAsync(new("bob", "user"), Cancel);
            await bob.OpenAsync(alice.ConversationId!, Cancel);

            Assert.Null(bob.ConversationId);
            Assert.Empty(bob.Turns);
        }
    }

    [Fact]
    public async Task A_declined_answer_can_be_handed_to_a_person_and_invalid_feedback_is_refused()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);
            await session.SendAsync("Do you have a native HubSpot integration?", () => Task.CompletedTask, Cancel);
            var turn = session.Turns[0];

            var handoff = await session.HandOffAsync(turn, Cancel);
            var errors = await session.RateAsync(turn, new FeedbackSubmission(FeedbackRating.Down), Cancel);

            Assert.Equal(AnswerOutcome.Abstained, turn.Answer!.Outcome);
            Assert.Equal(Handoff.Open, handoff!.Status);
            Assert.Equal(handoff.Id, turn.HandoffId);
            Assert.Contains("categories", errors.Keys);
            Assert.Null(turn.Feedback);
        }
    }

    [Fact]
    public async Task Confirming_a_user_confirmed_action_runs_it_once_and_a_second_confirm_is_refused()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);
            await session.SendAsync("Upgrade us to Business", () => Task.CompletedTask, Cancel);
            var turn = session.Turns[0];
            Assert.Equal((ActionStatus.AwaitingUser, ConfirmationPolicy.User), (turn.Action?.Status, turn.Action?.Policy));

            await session.ConfirmAsync(turn, Cancel);
            var executed = turn.Action!;
            await session.ConfirmAsync(turn, Cancel);

            Assert.Equal(ActionStatus.Executed, executed.Status);
            Assert.NotNull(executed.Result);
            Assert.False(turn.ActionBusy);
            Assert.Contains("executed", turn.ActionError);
        }
    }

    [Fact]
    public async Task A_reopened_conversation_shows_its_action_and_an_agents_approval_reaches_the_open_session_live()
    {
        var (factory, scope) = await StartAsync();
        await using (factory)
        await using (scope)
        {
            var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
            await session.LoadAsync(new("alice", "user"), Cancel);
            await session.SendAsync("Please refund $120 of invoice INV-2026-0142", () => Task.CompletedTask, Cancel);
            await session.ConfirmAsync(session.Turns[0], Cancel);
            var submitted = session.Turns[0].Action!;

            await using var reopenedScope = factory.Services.CreateAsyncScope();
            var reopened = reopenedScope.ServiceProvider.GetRequiredService<ChatSession>();
            await reopened.LoadAsync(new("alice", "user"), Cancel);
            await reopened.OpenAsync(session.ConversationId!, Cancel);
            var turn = Assert.Single(reopened.Turns);
            Assert.Equal((submitted.Id, ActionStatus.AwaitingApproval), (turn.Action?.Id, turn.Action?.Status));
            Assert.Equal(turn.MessageId, turn.Action!.MessageId);

            var approval = await factory.Services.GetRequiredService<ActionDecisions>().ApproveAsync(submitted.Id, new Actor("sam", "agent"), "Within the refund window.", Cancel);

            Assert.True(approval.Succeeded, approval.Message);
            Assert.Equal(ActionStatus.Executed, turn.Action!.Status);
            Assert.Equal(ActionStatus.Executed, session.Turns[0].Action!.Status);
        }
    }

    [Theory]
    [InlineData(0.9, "High confidence", "high")]
    [InlineData(0.5, "Medium confidence", "medium")]
    [InlineData(0.2, "Low confidence", "low")]
    public void Confidence_reads_as_a_level_with_its_reason(double value, string name, string css)
    {
        var answer = new Answer("t", [], AnswerOutcome.Answered, "extractive", "extractive-v1", value, "because", [], null, "trace_1");

        var level = ConfidenceLevel.Of(answer);

        Assert.Equal((name, css, "because"), (level.Name, level.CssClass, level.Explanation));
        Assert.Equal("Offline mode: quoted from the help center", ConfidenceLevel.ModeOf(answer));
    }
}
