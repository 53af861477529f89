using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Tests.Support;

/// <summary>A callback-style <see cref="IChatClient"/>: each test says what the stream yields, or where it breaks.</summary>
public sealed class FakeChatClient(Func<IAsyncEnumerable<ChatResponseUpdate>> stream) : IChatClient
{
    public static FakeChatClient Of(params string[] texts) => new(() => Yield(texts, failAfter: null));

    public static FakeChatClient Breaking(int failAfter, params string[] texts) => new(() => Yield(texts, failAfter));

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in stream().WithCancellation(cancellationToken))
        {
            updates.Add(update);
        }
        return updates.ToChatResponse();
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => stream();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Yield(string[] texts, int? failAfter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (i == failAfter)
            {
                throw new IOException("connection reset by peer");
            }
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, texts[i]) { ModelId = "fake" };
        }
    }
}
