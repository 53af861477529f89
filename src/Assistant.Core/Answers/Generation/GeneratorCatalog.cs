using System.Collections.Concurrent;
using Assistant.Core.Budgets;
using Assistant.Core.Models;
using Assistant.Core.Models.Middleware;
using Assistant.Core.Operations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Answers.Generation;

/// <summary>
/// The answer generator for each model name, composed once per name and kept: an assistant version names its model,
/// and every answer asks here for that model's pipeline. No name is the offline extractive generator.
/// </summary>
public sealed class GeneratorCatalog(IServiceProvider provider, IOptions<ModelOptions> options, ExtractiveChatClient extractive, OperationsSwitches switches)
{
    // The key "" stands for no model; ConcurrentDictionary keys cannot be null.
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _generators = new(StringComparer.Ordinal);

    /// <summary>The generator the deployment's configuration names (Assistant:Model), or the extractive one.</summary>
    public IChatClient Configured => For(options.Value.IsConfigured ? options.Value.Model : null);

    public IChatClient For(string? model) =>
        _generators.GetOrAdd(string.IsNullOrWhiteSpace(model) ? "" : model, name => new Lazy<IChatClient>(() => Build(name))).Value;

    /// <summary>
    /// The middleware, outermost first (the first added layer sees a call first and its result last): telemetry and
    /// logging see every call including fallbacks; the budget layer reserves for each call and picks the model the
    /// budget covers (this one, a cheaper fallback model's own pipeline, or the extractive generator); fallback catches
    /// what retries could not fix; retries wrap the model alone, and reply validation under them makes an unusable
    /// reply a retryable failure.
    /// </summary>
    private IChatClient Build(string name)
    {
        var offline = extractive.AsBuilder().UseModelTelemetry().Build(provider);
        if (name.Length == 0)
        {
            return offline;
        }
        var model = options.Value;
        var timeout = TimeSpan.FromSeconds(model.TimeoutSeconds);
        var cheaper = model.Fallbacks.Where(fallback => !string.Equals(fallback, name, StringComparison.Ordinal)).Select(fallback => new BudgetedModel(fallback,
            OpenAIChatClientFactory.Create(model.Endpoint, fallback, model.ApiKey, timeout).AsBuilder()
                .UseFallback(extractive)
                .UseRetries(model)
                .Build(provider))).ToList();
        var pipeline = OpenAIChatClientFactory.Create(model.Endpoint, name, model.ApiKey, timeout).AsBuilder()
            .UseModelTelemetry()
            .UseBudgets(BudgetFeatures.Answers, name, cheaper, offline: extractive)
            .UseFallback(extractive)
            .UseRetries(model)
            .Build(provider);
        // Safe mode sits outside everything: while forced offline no layer below it (nor the model) sees the call.
        return new SafeModeChatClient(pipeline, offline, switches);
    }
}
