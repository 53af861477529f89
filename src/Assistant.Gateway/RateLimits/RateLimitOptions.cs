using System.ComponentModel.DataAnnotations;

namespace Assistant.Gateway.RateLimits;

/// <summary>
/// Per-user request limits at the gateway (section "Gateway:RateLimits"): a fixed window of <see cref="PermitLimit"/>
/// requests per <see cref="WindowSeconds"/> for each signed-in user (by their auth cookie or bearer token) or, for
/// anonymous callers, each client IP address. Routes opt in with <c>"RateLimiterPolicy": "per-user"</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    /// <summary>Requests a user may make in one window. A page load is several (page, scripts, the circuit).</summary>
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    /// <summary>Length of the window in seconds; the count starts again at each window's start.</summary>
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;

    /// <summary>The name of the product's auth cookie (Assistant.Web sets "assistant.auth").</summary>
    [Required]
    public string AuthCookieName { get; set; } = "assistant.auth";
}
