namespace Assistant.Web.Monitoring;

/// <summary>
/// Logs a machine can join: each line carries the W3C trace and span id of the request (or job) that wrote it, the
/// same trace id stored on its answer trace and audit rows (<c>RequestTraceId</c>).
/// </summary>
public static class StructuredLogs
{
    public static void Configure(ILoggingBuilder logging, MonitoringOptions options)
    {
        logging.Configure(factory => factory.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.JsonLogs)
        {
            logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
    }
}
