using Microsoft.Extensions.AI;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Composes <see cref="DelegatingChatClient"/> middleware around a generator, once. The first <see cref="Use"/> is the
/// outermost layer (it sees a call first and its result last), like Microsoft.Extensions.AI's ChatClientBuilder,
/// which does not restore here.
/// </summary>
public sealed class ChatPipeline(IChatClient inner)
{
    private readonly List<Func<IChatClient, IChatClient>> _layers = [];

    public ChatPipeline Use(Func<IChatClient, IChatClient> layer)
    {
        _layers.Add(layer);
        return this;
    }

    public IChatClient Build()
    {
        var client = inner;
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            client = _layers[i](client);
        }
        return client;
    }
}
