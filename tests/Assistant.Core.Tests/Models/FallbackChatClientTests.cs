using Assistant.Core.Answers;
using Assistant.Core.Answers.Generation;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Assistant.Core.Tests.Models;

public sealed class FallbackChatClientTests
{
    [Fact]
    public async Task A_stream_that_breaks_midway_is_reset_and_replaced_by_the_fallback()
    {
        var client = new FallbackChatClient(FakeChatClient.Breaking(2, "Refunds ", "take ", "never mind"), FakeChatClient.Of("Fallback ", "text."), NullLogger.Instance);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "q")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal(["Refunds ", "take ", "Fallback ", "text."], updates.Select(u => u.Text));
        var firstFallback = updates[2];
        Assert.True(firstFallback.AdditionalProperties!.ContainsKey(FallbackChatClient.ResetKey));
        Assert.Contains("could not be read", (string)firstFallback.AdditionalProperties[ModelNotices.Key]!);

        var generation = new GenerationResult();
        var resets = updates.Select(generation.Add).ToList();
        Assert.Equal([false, false, true, false], resets);
        Assert.Equal("Fallback text.", generation.Text.ToString());
    }

    [Fact]
    public async Task A_stream_that_succeeds_passes_through_untouched()
    {
        var client = new FallbackChatClient(FakeChatClient.Of("All ", "good."), FakeChatClient.Of("unused"), NullLogger.Instance);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("All good.", response.Text);
        Assert.Null(response.AdditionalProperties);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_turned_into_a_fallback()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var client = new FallbackChatClient(new FakeChatClient(() => Cancelled(cancelled.Token)), FakeChatClient.Of("unused"), NullLogger.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "q")], cancellationToken: cancelled.Token));
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Cancelled([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        yield break;
    }
}
