using Assistant.Core.Tokenization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Core.Models;

public static class ModelServiceCollectionExtensions
{
    /// <summary>
    /// The language model's settings (endpoint, retries, prices) and its exact token count, which the answer
    /// pipeline and the tool planner read to build their model clients and price their calls.
    /// </summary>
    public static IServiceCollection AddAssistantModels(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKeyedSingleton<ITokenCounter>(TokenCounters.Exact, (provider, _) =>
            TiktokenTokenCounter.ForEncoding(provider.GetRequiredService<IOptions<ModelOptions>>().Value.Encoding));
        return services;
    }
}
