using Assistant.Core.Evaluation;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Assistant.Core.Embeddings;
using Assistant.Core.Models;

namespace Assistant.Cli;

/// <summary>
/// The golden set through the real answer pipeline over a fresh index of the knowledge folder in a throw-away data
/// folder: one untimed warm-up pass, then the scored run.
/// </summary>
internal static class GoldenRun
{
    public static async Task<(IReadOnlyList<CaseResult> Results, EvaluationMetrics Metrics, string Generator, string Settings)> RunAsync(
        IReadOnlyList<GoldenCase> cases, CancellationToken cancellationToken, EvalVersion? version = null)
    {
        var data = Path.Combine(Path.GetTempPath(), $"assistant-eval-{Guid.NewGuid():N}");
        try
        {
            // No query cache: the untimed warm-up pass asks the same questions, and the latency gate is about a
            // question the assistant has not heard before.
            using var host = CliHost.Build(new Dictionary<string, string?>
            {
                ["Assistant:DataDirectory"] = data,
                ["Assistant:Embeddings:QueryCacheMegabytes"] = "0",
            }, version?.Fixed);
            await host.Services.GetRequiredService<KnowledgeBase>().IngestAndEmbedDefaultFolderAsync(cancellationToken);
            await host.Services.GetRequiredService<Assistant.Core.Answers.Semantic.SentenceWarmup>().RunAsync(cancellationToken);
            var evaluator = host.Services.GetRequiredService<AnswerEvaluator>();
            var generator = Generator(host.Services, version);

            // One untimed pass warms the JIT, so latency figures are steady state.
            await evaluator.RunAsync(cases.Take(10).ToList(), cancellationToken: cancellationToken);
            var (metrics, results) = await evaluator.RunAsync(cases, cancellationToken: cancellationToken);
            var embeddings = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            var model = host.Services.GetRequiredService<IOptions<ModelOptions>>().Value;
            return (results, metrics, generator, $"embeddings {embeddings.Provider}, generator {generator}{(model.IsConfigured ? $" at {model.Endpoint}" : " (offline)")}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The model the evaluated version answers with (its own when it names one), as the report shows it.</summary>
    internal static string Generator(IServiceProvider services, EvalVersion? version) =>
        services.GetRequiredService<Assistant.Core.Answers.Generation.GeneratorCatalog>().For(version?.Fixed is { } fixedVersion
            ? fixedVersion.Settings.Model
            : services.GetRequiredService<IOptions<ModelOptions>>().Value.Model).GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
}
