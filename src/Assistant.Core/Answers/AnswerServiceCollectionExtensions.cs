using Assistant.Core.Answers.Generation;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Budgets;
using Assistant.Core.Models;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Monitoring;
using Assistant.Core.Operations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers;

public static class AnswerServiceCollectionExtensions
{
    /// <summary>
    /// Grounded answers: the generator pipeline, verification and the trace of each answer. Needs
    /// <c>AddAssistantRetrieval</c>, <c>AddAssistantModels</c> and <c>AddAssistantTracing</c>.
    /// </summary>
    public static IServiceCollection AddAssistantAnswers(this IServiceCollection services)
    {
        services.AddOptions<AnswerOptions>().BindConfiguration(AnswerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<PassageNumbering>();
        services.AddOptions<Answers.Semantic.SemanticOptions>().BindConfiguration(Answers.Semantic.SemanticOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Answers.Semantic.SentenceEmbeddings>();
        services.AddSingleton<Answers.Semantic.SemanticConfidence>();
        services.AddSingleton<ConfidenceCheck>();
        services.AddSingleton<SupportScorer>();
        services.AddSingleton<CitationVerifier>();
        services.AddSingleton<ParaphraseSupport>();
        services.AddSingleton<Answers.Semantic.SentenceWarmup>();
        services.AddAssistantProductMetrics();
        services.AddSingleton<AnswerTraceWriter>();
        services.AddSingleton<AnswerService>();
        services.AddSingleton<ExtractiveChatClient>();
        services.AddSingleton(BuildGenerator);
        services.AddAssistantBudgets();
        services.AddAssistantOperations();
        return services;
    }

    /// <summary>
    /// The one place the generator is chosen and its middleware composed, outermost first (the first added layer sees
    /// a call first and its result last): telemetry and logging see every call including fallbacks; the budget layer
    /// reserves for each call and picks the model the budget covers (the configured one, a cheaper fallback model's
    /// own pipeline, or the extractive generator); fallback catches what retries could not fix; retries wrap the
    /// model alone, and reply validation under them makes an unusable reply a retryable failure.
    /// </summary>
    private static IChatClient BuildGenerator(IServiceProvider provider)
    {
        var model = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
        var extractive = provider.GetRequiredService<ExtractiveChatClient>();
        if (!model.IsConfigured)
        {
            return extractive.AsBuilder().UseModelTelemetry().Build(provider);
        }
        var timeout = TimeSpan.FromSeconds(model.TimeoutSeconds);
        var cheaper = model.Fallbacks.Select(name => new BudgetedModel(name,
            OpenAIChatClientFactory.Create(model.Endpoint, name, model.ApiKey, timeout).AsBuilder()
                .UseFallback(extractive)
                .UseRetries(model)
                .Build(provider))).ToList();
        var pipeline = OpenAIChatClientFactory.Create(model).AsBuilder()
            .UseModelTelemetry()
            .UseBudgets(BudgetFeatures.Answers, model.Model!, cheaper, offline: extractive)
            .UseFallback(extractive)
            .UseRetries(model)
            .Build(provider);
        // Safe mode sits outside everything: while forced offline no layer below it (nor the model) sees the call.
        return new SafeModeChatClient(pipeline, extractive.AsBuilder().UseModelTelemetry().Build(provider), provider.GetRequiredService<OperationsSwitches>());
    }
}
