using System.ComponentModel.DataAnnotations;

namespace Assistant.Web.Monitoring;

/// <summary>Telemetry and the Prometheus endpoint (section "Assistant:Monitoring").</summary>
public sealed class MonitoringOptions
{
    public const string SectionName = "Assistant:Monitoring";

    /// <summary>
    /// OpenTelemetry metrics (/metrics), OTLP export and request tracing. Off, /metrics answers 404 and nothing listens
    /// to the meters: the baseline of <c>assistant bench overhead</c>. Logs stay on either way.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// False (the default): /metrics is open, for a Prometheus on the same private network (bind the app to a private
    /// address or block /metrics at the proxy). True: only an admin (cookie or bearer token) or a request carrying
    /// <see cref="MetricsToken"/> as its bearer token may read it.
    /// </summary>
    public bool MetricsRequireAuth { get; set; }

    /// <summary>
    /// A long random secret Prometheus sends as "Authorization: Bearer ..." (its <c>authorization.credentials_file</c>)
    /// when <see cref="MetricsRequireAuth"/> is true: user bearer tokens expire within the hour, a scraper's must not.
    /// </summary>
    [MinLength(32, ErrorMessage = "Assistant:Monitoring:MetricsToken must be at least 32 characters (a random secret, e.g. openssl rand -hex 32).")]
    public string? MetricsToken { get; set; }

    /// <summary>One JSON object per log line, with scopes (the W3C trace and span id among them); false for plain text.</summary>
    public bool JsonLogs { get; set; } = true;
}
