using Assistant.Core.Embeddings;
using Assistant.Core.Knowledge;

namespace Assistant.Web.Knowledge;

public static class KnowledgeExtensions
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddAssistantEmbeddings();
        builder.Services.AddAssistantKnowledge();
        builder.Services.AddSingleton<StartupIngestion>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StartupIngestion>());
        builder.Services.AddOptions<IndexWatchOptions>().BindConfiguration(IndexWatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<IndexVersionWatcher>();
        builder.Services.AddHostedService<EmbeddingBackfillService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKnowledgeStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", KnowledgeStatusEndpoint.Get)
            .WithName("GetHealth")
            .WithSummary("Status for anyone; for staff (agent, admin) also the index state, the embedding progress, the knowledge folder, the last ingest's report and the flagged articles.");
        return app;
    }
}
