using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Gateway.RateLimits;

/// <summary>The 429 answer: problem details saying what the limit is and when to retry, and a Retry-After header.</summary>
public static class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : options.WindowSeconds;
        retryAfter = Math.Max(1, retryAfter);
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"More than {options.PermitLimit} requests in {options.WindowSeconds} s from this user or address; retry after {retryAfter} s.",
                Extensions = { ["retryAfterSeconds"] = retryAfter, ["permitLimit"] = options.PermitLimit, ["windowSeconds"] = options.WindowSeconds },
            },
        });
    }
}
