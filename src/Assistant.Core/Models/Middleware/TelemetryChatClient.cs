using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Assistant.Core.Models.Middleware;

/// <summary>
/// An activity and metrics per generation, named after the OpenTelemetry GenAI conventions (gen_ai.*), so any
/// OpenTelemetry exporter picks them up: operation duration and token usage by model.
/// </summary>
public sealed class TelemetryChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public const string SourceName = "Assistant.Generation";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Time of one generation call.");
    private static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens used, by type (input or output).");

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("chat", ActivityKind.Client);
        var clock = Stopwatch.StartNew();
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Record(activity, response.ModelId, response.Usage, clock.Elapsed);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var activity = Source.StartActivity("chat", ActivityKind.Client);
        var clock = Stopwatch.StartNew();
        string? model = null;
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            model = update.ModelId ?? model;
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            yield return update;
        }
        Record(activity, model, usage, clock.Elapsed);
    }

    private static void Record(Activity? activity, string? model, UsageDetails? usage, TimeSpan elapsed)
    {
        var tags = new TagList { { "gen_ai.operation.name", "chat" }, { "gen_ai.response.model", model ?? "unknown" } };
        Duration.Record(elapsed.TotalSeconds, tags);
        if (usage?.InputTokenCount is { } input)
        {
            TokenUsage.Record(input, [.. tags, new("gen_ai.token.type", "input")]);
        }
        if (usage?.OutputTokenCount is { } output)
        {
            TokenUsage.Record(output, [.. tags, new("gen_ai.token.type", "output")]);
        }
        activity?.SetTag("gen_ai.response.model", model);
        activity?.SetTag("gen_ai.usage.input_tokens", usage?.InputTokenCount);
        activity?.SetTag("gen_ai.usage.output_tokens", usage?.OutputTokenCount);
    }
}
