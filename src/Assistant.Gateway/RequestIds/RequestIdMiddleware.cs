using System.Buffers;

namespace Assistant.Gateway.RequestIds;

/// <summary>
/// Every request carries an <c>X-Request-Id</c> to the replica and back to the client: the caller's own when it is a
/// plausible id, a new one otherwise. The gateway's log lines for the request carry it in their scope.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";
    private const int MaxLength = 128;
    // Letters, digits and a few separators: an id is copied into logs and other systems, so no spaces, quotes or
    // control characters (a forged log line) get through.
    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        var requestId = IsValid(given) ? given : Guid.NewGuid().ToString("N");
        context.Request.Headers[HeaderName] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { [HeaderName] = requestId }))
        {
            await next(context);
        }
    }

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && !id.AsSpan().ContainsAnyExcept(Allowed);
}
