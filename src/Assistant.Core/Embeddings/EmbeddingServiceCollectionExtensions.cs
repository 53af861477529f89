using System.ClientModel;
using Assistant.Core.Budgets;
using Assistant.Core.Text.Analysis;
using Assistant.Core.Tokenization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenAI;

namespace Assistant.Core.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the one <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> the application uses, chosen by
    /// Assistant:Embeddings:Provider, and the cached one search queries go through (keyed <see cref="QueryEmbeddings.Key"/>).
    /// Business code only ever sees the interface.
    /// </summary>
    public static IServiceCollection AddAssistantEmbeddings(this IServiceCollection services)
    {
        services.AddOptions<EmbeddingOptions>()
            .BindConfiguration(EmbeddingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            return options.Provider switch
            {
                EmbeddingProvider.OpenAI => Budgeted(CreateOpenAI(options), provider, options.Model!),
                EmbeddingProvider.Local => new LocalEmbeddingGenerator(),
                _ => new HashingEmbeddingGenerator(options.Dimensions, provider.GetRequiredService<EnglishAnalyzer>()),
            };
        });
        services.AddKeyedSingleton(QueryEmbeddings.Key, (provider, _) => QueryEmbeddings.Cached(
            provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value.QueryCacheMegabytes));
        return services;
    }

    // A hosted model costs money per call, so it is budgeted when budgets are on (the local and hashing ones are free).
    private static IEmbeddingGenerator<string, Embedding<float>> Budgeted(IEmbeddingGenerator<string, Embedding<float>> generator, IServiceProvider provider, string model) =>
        provider.GetService<BudgetGate>() is { Enabled: true } gate
            ? new BudgetEmbeddingGenerator(generator, gate, provider.GetRequiredKeyedService<ITokenCounter>(TokenCounters.Exact), model)
            : generator;

    private static IEmbeddingGenerator<string, Embedding<float>> CreateOpenAI(EmbeddingOptions options)
    {
        var clientOptions = new OpenAIClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }
        // Local servers (Ollama, llama.cpp) ignore the key, but the SDK insists on one.
        var credential = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "unused" : options.ApiKey);
        return new OpenAIClient(credential, clientOptions).GetEmbeddingClient(options.Model!).AsIEmbeddingGenerator();
    }
}
