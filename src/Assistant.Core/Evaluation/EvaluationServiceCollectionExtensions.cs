using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Runs the golden set through the answer pipeline and scores it. Needs <c>AddAssistantAnswers</c>.</summary>
    public static IServiceCollection AddAssistantEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<AnswerEvaluator>();
        return services;
    }
}
