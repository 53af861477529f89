using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// Telemetry for every model call: Microsoft.Extensions.AI's OpenTelemetry layer (activities and metrics named by the
/// OpenTelemetry GenAI semantic conventions: a <c>chat {model}</c> client span with <c>gen_ai.*</c> tags,
/// <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c>) under the source and meter
/// <see cref="SourceName"/>, and its logging layer (calls at Debug; prompts and replies only at Trace).
/// </summary>
public static class ModelTelemetry
{
    /// <summary>The ActivitySource and Meter name an OpenTelemetry exporter subscribes to (AddSource / AddMeter).</summary>
    public const string SourceName = "Assistant.Generation";

    /// <summary>
    /// Adds the OpenTelemetry layer and, inside it, the logging layer. Message contents are not recorded on spans
    /// (EnableSensitiveData stays off): they are customer conversations.
    /// </summary>
    public static ChatClientBuilder UseModelTelemetry(this ChatClientBuilder builder, ILoggerFactory? loggerFactory = null) =>
        builder.UseOpenTelemetry(loggerFactory, SourceName).UseLogging(loggerFactory);
}
