using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Core.Models.Middleware;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Assistant.Core.Models;

/// <summary>
/// Builds the provider end of every model pipeline: Microsoft.Extensions.AI.OpenAI's adapter over the official SDK,
/// for OpenAI and any OpenAI-compatible endpoint, with <see cref="ReplyValidatingChatClient"/> directly above it.
/// </summary>
public static class OpenAIChatClientFactory
{
    /// <summary>Sent when no key is configured: local OpenAI-compatible servers ignore it, but the SDK requires one.</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>
    /// Creates a chat client for <paramref name="model"/> at <paramref name="endpoint"/> whose every HTTP attempt is
    /// bounded by <paramref name="networkTimeout"/>, which never retries on its own and which turns an unusable reply
    /// into <see cref="InvalidDataException"/>.
    /// </summary>
    /// <param name="endpoint">The API base address (for example <c>http://localhost:11434/v1</c>), or <see langword="null"/> for api.openai.com.</param>
    /// <param name="model">The model every request names unless <see cref="ChatOptions.ModelId"/> names another.</param>
    /// <param name="apiKey">The API key; <see langword="null"/> or blank sends <see cref="PlaceholderApiKey"/>.</param>
    /// <param name="networkTimeout">The limit for one HTTP request, including reading a non-streamed body.</param>
    public static IChatClient Create(Uri? endpoint, string model, string? apiKey, TimeSpan networkTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(networkTimeout, TimeSpan.Zero);

        var provider = Client(endpoint, apiKey, networkTimeout).GetChatClient(model).AsIChatClient();
        // Validation sits under the retry layer (added by the caller), so a broken reply is retried like a 5xx.
        return provider.AsBuilder().UseReplyValidation().Build();
    }

    /// <summary>
    /// The configured model (Assistant:Model), each HTTP attempt bounded by its timeout: where every model pipeline
    /// starts. Throws when no model is configured.
    /// </summary>
    public static IChatClient Create(ModelOptions model)
    {
        if (!model.IsConfigured)
        {
            throw new InvalidOperationException("No model is configured (Assistant:Model).");
        }
        return Create(model.Endpoint, model.Model!, model.ApiKey, TimeSpan.FromSeconds(model.TimeoutSeconds));
    }

    private static OpenAIClient Client(Uri? endpoint, string? apiKey, TimeSpan networkTimeout)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = networkTimeout,
            // Our resilience pipeline owns retries and fallback; SDK retries underneath would multiply attempts and
            // hide 429/5xx from it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrWhiteSpace(apiKey) ? PlaceholderApiKey : apiKey), options);
    }
}
