using System.Diagnostics;
using Assistant.Core.Models;
using Assistant.Core.Monitoring;
using Assistant.Core.Tokenization;
using Assistant.Core.Tracing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers;

/// <summary>
/// Turns a finished answer run into its <see cref="AnswerTrace"/>: provider-reported token usage when the model
/// sent it, otherwise exact BPE counts of the prompt and the generated text; cost from the price table. The same
/// figures go to the product metrics here, so every answer is counted once whatever path produced it.
/// </summary>
public sealed class AnswerTraceWriter(
    ITraceStore store,
    [FromKeyedServices(TokenCounters.Exact)] ITokenCounter tokens,
    IOptions<ModelOptions> model,
    ProductMetrics metrics)
{
    public async Task WriteAsync(
        AnswerRun run,
        ResolvedQuestion resolved,
        IReadOnlyList<Passage> passages,
        Answer answer,
        IReadOnlyList<AnswerSentence> drafted,
        IReadOnlyList<ChatMessage> prompt,
        GenerationResult? generation,
        CancellationToken cancellationToken)
    {
        var usage = generation?.Usage;
        var tokensIn = (int?)usage?.InputTokenCount ?? (prompt.Count == 0 ? 0 : prompt.Sum(message => tokens.CountTokens(message.Text)));
        var tokensOut = (int?)usage?.OutputTokenCount ?? (generation is null ? 0 : tokens.CountTokens(generation.Text.ToString()));
        var trace = new AnswerTrace(
            Id: run.TraceId,
            ConversationId: run.Request.ConversationId,
            UserId: run.Request.UserId,
            Question: run.Request.Question,
            SearchQuery: resolved.SearchQuery,
            Passages: passages.Select(p => new TracePassage(p.Number, p.Hit.ChunkId, p.Hit.DocumentId, p.Hit.Score, p.Hit.Scores.Keyword, p.Hit.Scores.Vector)).ToList(),
            PromptVersion: run.Profile.Prompt,
            Generator: answer.Generator,
            Model: answer.Model,
            TokensIn: tokensIn,
            TokensOut: tokensOut,
            TokenSource: usage is not null ? "provider" : $"bpe:{model.Value.Encoding}",
            Cost: answer.Generator == "model" ? Price(answer.Model, tokensIn, tokensOut) : 0m,
            Latency: new StageLatency(run.Milliseconds(Stage.Resolve), run.Milliseconds(Stage.Retrieve), run.Milliseconds(Stage.Generate),
                run.Milliseconds(Stage.Verify), Math.Round(run.TotalMilliseconds, 3)),
            Confidence: answer.Confidence,
            Verification: new VerificationSummary(drafted.Count, drafted.Count(s => s.Supported), drafted.Count(s => !answer.Sentences.Contains(s)),
                drafted.Sum(s => s.Problems.Count(p => p.Contains("retrieved passages", StringComparison.Ordinal)))),
            Outcome: answer.Outcome.ToString(),
            Notice: answer.Notice,
            CreatedAt: run.StartedAt,
            Budget: answer.Budget)
        {
            // The W3C trace of the request, so its log lines, spans and audit rows join this answer.
            RequestTraceId = Activity.Current?.TraceId.ToHexString(),
            ConfigVersion = run.Profile.Version,
            ReleaseArm = run.Profile.Arm,
        };
        await store.WriteAsync(trace, cancellationToken);
        metrics.AnswerRecorded(Measure(trace, answer, drafted, passages));
    }

    private static AnswerMeasurement Measure(AnswerTrace trace, Answer answer, IReadOnlyList<AnswerSentence> drafted, IReadOnlyList<Passage> passages)
    {
        var unsupported = drafted.Where(s => !s.Supported).ToList();
        var marked = unsupported.Count(answer.Sentences.Contains);
        return new AnswerMeasurement(trace.Outcome, trace.Generator, trace.Latency.TotalMs / 1000, drafted.Count, unsupported.Count - marked, marked,
            answer.Outcome == AnswerOutcome.Answered ? answer.Sentences.SelectMany(s => s.Citations).Select(c => c.Passage).Distinct().Count() : null,
            passages.Count == 0 ? null : passages.Max(p => p.Hit.Score));
    }

    private decimal Price(string? modelName, int tokensIn, int tokensOut) =>
        modelName is not null && model.Value.Prices.TryGetValue(modelName, out var price)
            ? Math.Round((tokensIn * price.InputPerMillion + tokensOut * price.OutputPerMillion) / 1_000_000m, 8)
            : 0m;
}
