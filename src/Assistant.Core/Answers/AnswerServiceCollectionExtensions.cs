using Assistant.Core.Answers.Generation;
using Assistant.Core.Answers.Prompts;
using Assistant.Core.Answers.Verification;
using Assistant.Core.Budgets;
using Assistant.Core.Monitoring;
using Assistant.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // Each model's pipeline is composed in one place (GeneratorCatalog); IChatClient is the configured model's.
        services.AddSingleton<GeneratorCatalog>();
        services.AddSingleton(provider => provider.GetRequiredService<GeneratorCatalog>().Configured);
        // Versions (AddAssistantReleases) replace this with the chosen version's settings, whichever is added first.
        services.TryAddSingleton<IAnswerProfiles, ConfiguredAnswerProfiles>();
        services.AddAssistantBudgets();
        services.AddAssistantOperations();
        return services;
    }
}
