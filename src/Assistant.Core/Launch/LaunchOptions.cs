using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Launch;

/// <summary>
/// Where the launch checklist finds its evidence (section "Assistant:Launch"). Relative paths resolve against the
/// working directory, like every Assistant path (<c>dotnet run</c> starts in the repository root).
/// </summary>
public sealed class LaunchOptions : IValidatableObject
{
    public const string SectionName = "Assistant:Launch";

    /// <summary>The release gate's JSON report, as <c>assistant eval --suite all --out</c> writes it.</summary>
    [Required]
    public string GateReportPath { get; set; } = Path.Combine("artifacts", "eval", "gate.json");

    /// <summary>The runbook: it needs a section whose heading names each alert.</summary>
    [Required]
    public string RunbookPath { get; set; } = Path.Combine("docs", "runbook.md");

    /// <summary>The shipped Prometheus alert rules (every *.yml in the folder).</summary>
    [Required]
    public string AlertRulesDirectory { get; set; } = Path.Combine("infra", "prometheus", "rules");

    /// <summary>
    /// The Prometheus that should have loaded the rules (e.g. http://127.0.0.1:9090). Without it, whether the rules are
    /// loaded cannot be known here, and the checklist says "unknown", never "ready".
    /// </summary>
    public Uri? PrometheusUrl { get; set; }

    [Range(1, 60)]
    public int PrometheusTimeoutSeconds { get; set; } = 5;

    /// <summary>The person who answers for the launch (name and contact), shown on the checklist.</summary>
    [StringLength(200)]
    public string? Owner { get; set; }

    /// <summary>How recent a kill-switch drill (turned on, then cleared) must be.</summary>
    [Range(1, 365)]
    public int KillSwitchWindowDays { get; set; } = 30;

    /// <summary>How recent a rollback of a candidate version must be.</summary>
    [Range(1, 365)]
    public int RollbackWindowDays { get; set; } = 7;

    /// <summary>The audit log needs a row this recent to count as being written.</summary>
    [Range(1, 365)]
    public int AuditRecentDays { get; set; } = 7;

    /// <summary>A thumbs-down still untriaged after this many days means nobody is working the queue.</summary>
    [Range(1, 365)]
    public int TriageBacklogDays { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PrometheusUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("PrometheusUrl must be an absolute http(s) URL, e.g. http://127.0.0.1:9090.", [nameof(PrometheusUrl)]);
        }
    }
}
