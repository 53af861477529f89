using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Core.Evaluation;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Runs the golden set through the answer pipeline and scores it (needs <c>AddAssistantAnswers</c>), and the red-team
    /// suite through conversations (needs conversations, actions, audit and the backoffice as well).
    /// </summary>
    public static IServiceCollection AddAssistantEvaluation(this IServiceCollection services)
    {
        services.AddSingleton<AnswerEvaluator>();
        services.AddSingleton<RedTeam.RedTeamEvaluator>();
        return services;
    }
}
