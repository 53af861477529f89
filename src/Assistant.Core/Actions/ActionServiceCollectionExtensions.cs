using Assistant.Core.Actions.Access;
using Assistant.Core.Actions.BackofficeTools;
using Assistant.Core.Actions.Deciding;
using Assistant.Core.Actions.Executing;
using Assistant.Core.Actions.Planning;
using Assistant.Core.Actions.Proposing;
using Assistant.Core.Actions.Tools;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Budgets;
using Assistant.Core.Models;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Storage;
using Assistant.Core.Monitoring;
using Assistant.Core.Operations;
using Assistant.Core.Releases;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Actions;

public static class ActionServiceCollectionExtensions
{
    /// <summary>
    /// Tool actions: the tools, the planner, durable pending actions and one service per step of an action's life
    /// (proposing, access, deciding, expiry, executing). Needs <c>AddAssistantStorage</c>, <c>AddAssistantBackoffice</c>,
    /// <c>AddAssistantAudit</c> and <c>AddAssistantModels</c>.
    /// </summary>
    public static IServiceCollection AddAssistantActions(this IServiceCollection services)
    {
        services.AddOptions<ActionOptions>().BindConfiguration(ActionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStore<IPendingActionStore, SqlitePendingActionStore, PostgresPendingActionStore>();

        // Adding a tool: one class, one line here (see docs/add-a-tool.md).
        services.AddSingleton<AssistantTool, LookUpSubscriptionTool>();
        services.AddSingleton<AssistantTool, LookUpInvoiceTool>();
        services.AddSingleton<AssistantTool, LookUpOrdersTool>();
        services.AddSingleton<AssistantTool, OpenTicketTool>();
        services.AddSingleton<AssistantTool, ChangePlanTool>();
        services.AddSingleton<AssistantTool, RequestRefundTool>();
        services.AddSingleton<AssistantTool, ResetTwoFactorTool>();
        services.AddSingleton<ToolCatalog>();
        services.AddSingleton<IKnownTools>(provider => provider.GetRequiredService<ToolCatalog>());

        services.AddSingleton<ActionNotifier>();
        services.AddAssistantProductMetrics();
        services.AddSingleton<ActionAudit>();
        services.AddSingleton<ActionOutcomes>();
        services.AddSingleton<ActionPreviews>();
        services.AddSingleton<ActionAccess>();
        services.AddSingleton<ActionReader>();
        services.AddSingleton<ActionProposals>();
        services.AddSingleton<ActionExpiry>();
        services.AddSingleton<ActionDecisions>();
        services.AddSingleton<ActionExecutor>();
        services.AddSingleton<RouterToolPlanner>();
        services.AddSingleton(provider => (IToolPlanner)new SafeModeToolPlanner(BuildPlanner(provider),
            provider.GetRequiredService<RouterToolPlanner>(), provider.GetRequiredService<OperationsSwitches>(), provider.GetRequiredService<IVersionSelector>()));
        services.AddAssistantBudgets();
        services.AddAssistantOperations();
        services.AddAssistantReleases();
        services.AddSingleton<IValidateOptions<OperationsOptions>, DisabledToolsValidation>();
        return services;
    }

    /// <summary>
    /// With a model configured it plans by function calling (falling back to the router); offline, the router plans. <see cref="SafeModeToolPlanner"/> wraps it,
    /// so the kill switches apply whichever plans.
    /// </summary>
    private static IToolPlanner BuildPlanner(IServiceProvider provider)
    {
        var model = provider.GetRequiredService<IOptions<ModelOptions>>().Value;
        var router = provider.GetRequiredService<RouterToolPlanner>();
        if (!model.IsConfigured)
        {
            return router;
        }
        // No extractive fallback here: when the model fails, the router plans instead (inside ModelToolPlanner).
        // Function invocation sits outside the retries so a retried call is one model call; every tool the planner
        // offers requires approval, so this layer turns tool calls into approval requests and never invokes one.
        // The budget layer picks the model the budget covers; when none fits it throws, and the router plans.
        var timeout = TimeSpan.FromSeconds(model.TimeoutSeconds);
        var cheaper = model.Fallbacks.Select(name => new BudgetedModel(name,
            OpenAIChatClientFactory.Create(model.Endpoint, name, model.ApiKey, timeout).AsBuilder()
                .UseFunctionInvocation(configure: invocation => invocation.TerminateOnUnknownCalls = true)
                .UseRetries(model)
                .Build(provider))).ToList();
        var client = OpenAIChatClientFactory.Create(model).AsBuilder()
            .UseModelTelemetry()
            .UseBudgets(BudgetFeatures.ToolPlanning, model.Model!, cheaper, offline: null)
            .UseFunctionInvocation(configure: invocation => invocation.TerminateOnUnknownCalls = true)
            .UseRetries(model)
            .Build(provider);
        return new ModelToolPlanner(client, provider.GetRequiredService<ToolCatalog>(), router, provider.GetRequiredService<ILogger<ModelToolPlanner>>());
    }
}
