using Assistant.Core.Launch.Checks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Launch;

public static class LaunchServiceCollectionExtensions
{
    /// <summary>
    /// The launch-readiness checklist (Assistant:Launch). Needs <c>AddAssistantAudit</c> and <c>AddAssistantBudgets</c>;
    /// feedback, the version store and the rollout candidate are read when registered. The checks run in the order
    /// registered here, which is the checklist's order.
    /// </summary>
    public static IServiceCollection AddAssistantLaunch(this IServiceCollection services)
    {
        services.AddOptions<LaunchOptions>().BindConfiguration(LaunchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PrometheusRuleReader>();
        services.TryAddSingleton<IRolloutCandidate, RolloutLaunchTarget>();
        services.AddSingleton<LaunchTargetResolver>();
        services.AddSingleton<ILaunchCheck, GatePassedCheck>();
        services.AddSingleton<ILaunchCheck, RedTeamCleanCheck>();
        services.AddSingleton<ILaunchCheck, HeldOutReportedCheck>();
        services.AddSingleton<ILaunchCheck, BudgetsSetCheck>();
        services.AddSingleton<ILaunchCheck, AlertRulesLoadedCheck>();
        services.AddSingleton<ILaunchCheck, FeedbackTriageCheck>();
        services.AddSingleton<ILaunchCheck, AuditOnCheck>();
        services.AddSingleton<ILaunchCheck, KillSwitchTestedCheck>();
        services.AddSingleton<ILaunchCheck, RollbackExercisedCheck>();
        services.AddSingleton<ILaunchCheck, RunbookCheck>();
        services.AddSingleton<ILaunchCheck, OwnerNamedCheck>();
        services.AddSingleton<LaunchReadiness>();
        return services;
    }
}
