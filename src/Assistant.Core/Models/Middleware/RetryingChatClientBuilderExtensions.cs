using Microsoft.Extensions.AI;

namespace Assistant.Core.Models.Middleware;

public static class RetryingChatClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="RetryingChatClient"/> with the configured retries, backoff and per-attempt timeout
    /// (Assistant:Model). Add it inside the fallback layer, so fallback sees only what retries could not fix.
    /// </summary>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, ModelOptions model)
    {
        var timeout = TimeSpan.FromSeconds(model.TimeoutSeconds);
        var delay = TimeSpan.FromMilliseconds(model.RetryDelayMilliseconds);
        return builder.Use(inner => new RetryingChatClient(inner, model.MaxRetries, timeout, delay));
    }
}
