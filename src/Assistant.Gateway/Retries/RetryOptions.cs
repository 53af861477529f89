using System.ComponentModel.DataAnnotations;

namespace Assistant.Gateway.Retries;

/// <summary>Retry of idempotent requests on another replica (section "Gateway:Retries").</summary>
public sealed class RetryOptions
{
    public const string SectionName = "Gateway:Retries";

    /// <summary>Off, a failed attempt answers 502 at once.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Further attempts after the first, each on a replica not tried yet for this request.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;
}
