using System.Runtime.CompilerServices;
using Assistant.Core.Answers.Disagreements;
using Assistant.Core.Answers.Generation;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Operations;
using Assistant.Core.Privacy;
using Assistant.Core.Retrieval;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Storage;
using Assistant.Core.Tracing;

namespace Assistant.Core.Answers;

/// <summary>
/// Answers one question: resolve (follow-ups) → retrieve → check confidence → generate → verify (and show sources
/// that disagree) → trace. Each step is its own class; this one only orders them and times them. Every call writes a
/// trace, whatever the outcome.
/// </summary>
public sealed class AnswerService(
    HybridRetriever retriever,
    KnowledgeIndex index,
    EnglishAnalyzer analyzer,
    PassageNumbering numbering,
    PromptLibrary prompts,
    IAnswerProfiles profiles,
    GeneratorCatalog generators,
    CitationVerifier verifier,
    ParaphraseSupport paraphrases,
    ConfidenceCheck confidenceCheck,
    AnswerTraceWriter traces,
    OperationsSwitches switches)
{
    public async Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        await foreach (var item in StreamAsync(request, cancellationToken))
        {
            if (item is AnswerCompleted completed)
            {
                return completed.Answer;
            }
        }
        throw new InvalidOperationException("The answer stream ended without an answer.");
    }

    public async IAsyncEnumerable<AnswerEvent> StreamAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The web edges redact already; this keeps any other caller (the CLI) from tracing or sending sensitive data.
        request = request with
        {
            Question = SensitiveDataRedactor.Redact(request.Question).Text,
            PreviousQuestions = request.PreviousQuestions?.Select(previous => SensitiveDataRedactor.Redact(previous).Text).ToList(),
        };
        // One profile per answer (a rollout may answer this user with a candidate version): the prompt, model and policy.
        var settings = await profiles.ForAsync(request.UserId, cancellationToken);
        var run = new AnswerRun(request, Ids.New("trace"), settings);
        // Maintenance (a kill switch): the message is the reply; nothing is retrieved and no model is asked.
        if ((await switches.CurrentAsync(cancellationToken)).Settings is { Maintenance: true } down)
        {
            yield return new AnswerCompleted(await MaintenanceAsync(run, request, down.MaintenanceMessage, cancellationToken));
            yield break;
        }

        // Markers of removed data stay in the stored question but are no words to search or to judge coverage with.
        var resolved = QuestionResolver.Resolve(analyzer, SensitiveDataRedactor.WithoutMarkers(request.Question),
            request.PreviousQuestions?.Select(SensitiveDataRedactor.WithoutMarkers).ToList() ?? [], request.PreviousAnswer);
        run.Mark(Stage.Resolve);
        if (resolved.Clarification is { } clarification)
        {
            yield return new AnswerCompleted(await AskBackAsync(run, resolved, clarification, cancellationToken));
            yield break;
        }
        var hits = (await retriever.SearchAsync(new SearchRequest(resolved.SearchQuery, settings.Policy.Passages), cancellationToken)).Hits;
        var passages = await numbering.NumberAsync(hits, cancellationToken);
        var (confidence, answerable) = await confidenceCheck.AssessAsync(resolved.Question, passages, cancellationToken, settings.Policy.MinimumCoverage);
        run.Mark(Stage.Retrieve);

        if (!answerable)
        {
            yield return new AnswerCompleted(await DeclineAsync(run, resolved, passages, confidence, null, ExtractiveChatClient.ModelId, null, cancellationToken));
            yield break;
        }

        var messages = await prompts.AnswerMessagesAsync(settings.Prompt, resolved.Question, passages, cancellationToken);
        var generation = new GenerationResult();
        var chatOptions = AnswerRequestProperties.Create(resolved.Question, passages, settings.Policy.MaxAnswerWords, request.UserId);
        (chatOptions.Temperature, chatOptions.MaxOutputTokens) = (settings.Temperature, settings.MaxOutputTokens);
        await foreach (var update in generators.For(settings.Model).GetStreamingResponseAsync(messages, chatOptions, cancellationToken))
        {
            var reset = generation.Add(update);
            if (!string.IsNullOrEmpty(update.Text) || reset)
            {
                yield return new AnswerDelta(update.Text, reset);
            }
        }
        run.Mark(Stage.Generate);

        var draft = generation.Text.ToString().Trim();
        var sentences = await paraphrases.ApplyAsync(verifier.Verify(draft, passages, settings.Policy.SupportThreshold), passages, cancellationToken);
        var kept = YesNoVerdict.Apply(analyzer, resolved.Question, ListIntroductions.DropDangling(sentences, Apply(settings.Policy.UnsupportedSentences, sentences)));
        run.Mark(Stage.Verify);

        if (kept.Count == 0 || draft.StartsWith(GenerationNotices.ModelDeclined, StringComparison.OrdinalIgnoreCase))
        {
            var reason = draft.StartsWith(GenerationNotices.ModelDeclined, StringComparison.OrdinalIgnoreCase)
                ? new Confidence(confidence.Value, "The model found no answer in the passages.")
                : new Confidence(0, "No sentence of the draft answer was supported by its sources.");
            yield return new AnswerCompleted(await DeclineAsync(run, resolved, passages, reason, sentences, generation.ModelId, generation, cancellationToken));
            yield break;
        }

        var supported = kept.Count(s => s.Supported);
        // Sources that state different figures for the same thing are all shown, never settled by the generator's pick.
        var disagreements = FigureDisagreements.Find(analyzer, kept, passages);
        var shown = DisagreementSentences.Apply(kept, disagreements, passages);
        var answer = new Answer(
            Text: CitationMarkers.Render(shown.Select(s => (s.Text, s.Citations.Select(c => c.Passage)))),
            Sentences: shown,
            Outcome: AnswerOutcome.Answered,
            Generator: GeneratorName(generation.ModelId),
            Model: generation.ModelId,
            Confidence: Math.Round(confidence.Value * supported / kept.Count * (disagreements.Count > 0 ? 0.5 : 1), 3),
            ConfidenceReason: $"{confidence.Reason} {supported} of {kept.Count} sentences verified against their sources."
                + (disagreements.Count > 0 ? " The sources disagree, so every source's figure is shown." : ""),
            Suggestions: [],
            Notice: generation.Notice,
            TraceId: run.TraceId,
            Budget: generation.Budget);
        await traces.WriteAsync(run, resolved, passages, answer, sentences, messages, generation, cancellationToken);
        yield return new AnswerCompleted(answer);
    }

    /// <summary>
    /// Records the reply to a request to act (the card's summary, or the question for what is missing), so the trace,
    /// the stored conversation and the review queue hold what the customer was shown and nothing else.
    /// </summary>
    public async Task<Answer> ReplyToRequestAsync(AnswerRequest request, string reply, CancellationToken cancellationToken = default)
    {
        var run = new AnswerRun(request, Ids.New("trace"), await profiles.ForAsync(request.UserId, cancellationToken));
        var answer = new Answer(reply, [], AnswerOutcome.ActionRequested, "planner", null, 1,
            "The message asks for an action, so the reply is the request itself, not an answer from the knowledge base.", [], null, run.TraceId);
        await traces.WriteAsync(run, new ResolvedQuestion(request.Question, request.Question, false), [], answer, [], [], null, cancellationToken);
        return answer;
    }

    private async Task<Answer> MaintenanceAsync(AnswerRun run, AnswerRequest request, string message, CancellationToken cancellationToken)
    {
        var answer = new Answer(message, [], AnswerOutcome.Failed, OperationsNotices.MaintenanceGenerator, null, 0,
            "The assistant is in maintenance: an administrator stopped answering.", [], null, run.TraceId);
        await traces.WriteAsync(run, new ResolvedQuestion(request.Question, request.Question, false), [], answer, [], [], null, cancellationToken);
        return answer;
    }

    private static List<AnswerSentence> Apply(UnsupportedSentencePolicy policy, IReadOnlyList<AnswerSentence> sentences) => policy switch
    {
        UnsupportedSentencePolicy.Mark => sentences.Where(s => s.Citations.Count > 0 || s.Supported).ToList(),
        UnsupportedSentencePolicy.Abstain when sentences.Any(s => !s.Supported) => [],
        _ => sentences.Where(s => s.Supported).ToList(),
    };

    private async Task<Answer> DeclineAsync(AnswerRun run, ResolvedQuestion resolved, IReadOnlyList<Passage> passages, Confidence confidence,
        IReadOnlyList<AnswerSentence>? drafted, string? model, GenerationResult? generation, CancellationToken cancellationToken)
    {
        // An unrelated article is no help: suggest only those about the question's subject (their title or headings
        // name part of it) that also hold enough of it. A word in common with a passage is not enough.
        var keyword = index.Current.Keyword;
        var suggestions = passages
            .Where(p => RetrievalConfidence.Coverage(analyzer, resolved.Question, p.Hit with { Text = "" }, keyword) > 0
                && RetrievalConfidence.Coverage(analyzer, resolved.Question, p.Hit, keyword) >= run.Profile.Policy.SuggestionFloor)
            .Select(p => new ArticleSuggestion(p.Hit.DocumentId, p.Hit.Title))
            .DistinctBy(s => s.DocumentId)
            .Take(3)
            .ToList();
        var answer = new Answer(
            Text: "I couldn't find this in the knowledge base. Try rephrasing the question, look at the related articles, or ask to talk to a person.",
            Sentences: [],
            Outcome: AnswerOutcome.Abstained,
            Generator: GeneratorName(model),
            Model: model,
            Confidence: confidence.Value,
            ConfidenceReason: confidence.Reason,
            Suggestions: suggestions,
            Notice: generation?.Notice,
            TraceId: run.TraceId,
            Budget: generation?.Budget);
        await traces.WriteAsync(run, resolved, passages, answer, drafted ?? [], [], generation, cancellationToken);
        return answer;
    }

    private async Task<Answer> AskBackAsync(AnswerRun run, ResolvedQuestion resolved, string clarification, CancellationToken cancellationToken)
    {
        var answer = new Answer(clarification, [], AnswerOutcome.AskedToClarify, GeneratorName(null), null, 0,
            "The question refers to something earlier in the conversation that could not be pinned down.", [], null, run.TraceId);
        await traces.WriteAsync(run, resolved, [], answer, [], [], null, cancellationToken);
        return answer;
    }

    internal static string GeneratorName(string? model) => model is null or ExtractiveChatClient.ModelId ? "extractive" : "model";
}
