using Assistant.Core.Actions;
using Assistant.Core.Feedback;
using Assistant.Core.Privacy;
using Assistant.Web.Chat;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Assistant.Web.Tests.Privacy.SensitiveInput;

namespace Assistant.Web.Tests.Privacy;

/// <summary>The web chat's own paths (sending, rating, handing off) go through the chat session, not the HTTP API.</summary>
public sealed class ChatSessionPrivacyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_web_chat_shows_the_question_with_markers_and_a_notice_and_its_feedback_and_handoff_keep_no_secrets()
    {
        await using var factory = new AssistantWebFactory();
        factory.WriteArticle("billing/payment-methods.md", "# Payment methods\n\nUpdate your card under Billing, Payment method. We never ask for a card number in chat.\n");
        using var client = await factory.CreateIngestedClientAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<ChatSession>();
        await session.LoadAsync(new Actor("alice", ActorRole.User), Cancel);
        var shown = new List<string>();

        await session.SendAsync(Message, () =>
        {
            shown.AddRange(session.Turns.Select(turn => turn.Question));
            return Task.CompletedTask;
        }, Cancel);
        var turn = Assert.Single(session.Turns);
        await session.RateAsync(turn, new FeedbackSubmission("down", ["wrong-answer"], "Still wrong. " + Message), Cancel);
        var handoff = await session.HandOffAsync(turn, Cancel);

        Assert.Equal("My card is [card •••• 1111] and my SSN is [SSN removed]. My API key is [secret removed] and my password is [secret removed].", turn.Question);
        Assert.Equal([SensitiveDataKind.CardNumber, SensitiveDataKind.SocialSecurityNumber, SensitiveDataKind.Secret], turn.SensitiveData?.Removed);
        Assert.NotEmpty(shown);
        Assert.Empty(FoundIn(string.Join("\n", shown)));
        Assert.StartsWith("Still wrong. My card is [card •••• 1111]", turn.Feedback?.Comment);
        Assert.Contains("[SSN removed]", handoff?.Reason);
        Assert.Empty(FoundIn(turn.Answer!.Text + turn.Answer.ConfidenceReason));
        Assert.Empty(FoundInFiles(factory.DataDirectory, out _));
    }
}
