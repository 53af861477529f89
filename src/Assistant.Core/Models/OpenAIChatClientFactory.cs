using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Core.Costs;
using Assistant.Core.Models.Middleware;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Assistant.Core.Models;

/// <summary>Builds <see cref="OpenAIChatClient"/>s for OpenAI and OpenAI-compatible endpoints.</summary>
public static class OpenAIChatClientFactory
{
    /// <summary>Sent when no key is configured: local OpenAI-compatible servers ignore it, but the SDK requires one.</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>
    /// Creates a chat client for <paramref name="model"/> at <paramref name="endpoint"/> whose every HTTP attempt is
    /// bounded by <paramref name="networkTimeout"/> and which never retries on its own.
    /// </summary>
    /// <param name="endpoint">The API base address (for example <c>http://localhost:11434/v1</c>), or <see langword="null"/> for api.openai.com.</param>
    /// <param name="model">The model every request names.</param>
    /// <param name="apiKey">The API key; <see langword="null"/> or blank sends <see cref="PlaceholderApiKey"/>.</param>
    /// <param name="networkTimeout">The limit for one HTTP request, including reading a non-streamed body.</param>
    public static OpenAIChatClient Create(Uri? endpoint, string model, string? apiKey, TimeSpan networkTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(networkTimeout, TimeSpan.Zero);

        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = networkTimeout,
            // Our resilience pipeline owns retries and fallback; SDK retries underneath would multiply attempts and
            // hide 429/5xx from it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? PlaceholderApiKey : apiKey);
        return new OpenAIChatClient(new ChatClient(model, credential, options), model, endpoint);
    }

    /// <summary>
    /// The configured model with our retries around it (Retry-After honoured, each attempt bounded by the
    /// configured timeout): what every caller of the model starts from. Throws when no model is configured.
    /// </summary>
    public static IChatClient CreateWithRetries(ModelOptions model)
    {
        if (!model.IsConfigured)
        {
            throw new InvalidOperationException("No model is configured (Assistant:Model).");
        }
        var timeout = TimeSpan.FromSeconds(model.TimeoutSeconds);
        return new RetryingChatClient(Create(model.Endpoint, model.Model!, model.ApiKey, timeout), model.MaxRetries, timeout,
            TimeSpan.FromMilliseconds(model.RetryDelayMilliseconds));
    }
}
