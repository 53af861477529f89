using System.ClientModel;
using System.Text.Json;
using Polly.Timeout;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Which model failures are worth another attempt: rate limits, server errors, timeouts, broken replies. The M.E.AI
/// OpenAI adapter lets the SDK's exceptions through unchanged: <see cref="ClientResultException"/> with the HTTP status,
/// transport exceptions, and <see cref="TaskCanceledException"/> for the SDK's network timeout;
/// <see cref="ReplyValidatingChatClient"/> turns an unusable reply into <see cref="InvalidDataException"/>.
/// </summary>
public static class TransientModelFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        ClientResultException { Status: 429 or 408 or >= 500 } => true,
        ClientResultException { Status: 0 } => true, // no response at all (connection reset, network timeout)
        TimeoutRejectedException or TimeoutException or HttpRequestException or IOException => true,
        InvalidDataException => true, // a reply that is not a usable chat completion (ReplyValidatingChatClient)
        JsonException or FormatException => true, // the same, from a client without reply validation
        TaskCanceledException => true, // the SDK's own network timeout, not the caller's token (checked before)
        _ => false,
    };

    /// <summary>The server's Retry-After, when it sent one (seconds form), capped so a user never waits long.</summary>
    public static TimeSpan? RetryAfter(Exception exception, TimeSpan cap)
    {
        if (exception is ClientResultException result &&
            result.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true &&
            double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Clamp(seconds, 0, cap.TotalSeconds));
        }
        return null;
    }
}
