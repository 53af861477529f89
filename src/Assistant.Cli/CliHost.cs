using Assistant.Core.Actions;
using Assistant.Core.Answers;
using Assistant.Core.Audit;
using Assistant.Core.Backoffice;
using Assistant.Core.Conversations;
using Assistant.Core.Embeddings;
using Assistant.Core.Evaluation;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Handoffs;
using Assistant.Core.Knowledge;
using Assistant.Core.Models;
using Assistant.Core.Releases;
using Assistant.Core.Retrieval;
using Assistant.Core.Storage;
using Assistant.Core.Storage.Postgres;
using Assistant.Core.Tracing;
using Assistant.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Cli;

/// <summary>
/// Builds the same services the web host uses, from the same configuration sources (appsettings.json in the working
/// directory, then Assistant__* environment variables), plus overrides from command-line options.
/// </summary>
internal static class CliHost
{
    /// <param name="version">When set, every answer is made with this version (an evaluation of it), not the configured one.</param>
    public static IHost Build(IDictionary<string, string?>? overrides = null, AssistantVersion? version = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // The CLI reports outcomes itself; framework info logs would bury them.
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        // The features the CLI's commands use, each registering its own services (same order as the web host).
        builder.Services
            .AddAssistantStorage()
            .AddAssistantEmbeddings()
            .AddAssistantRetrieval()
            .AddAssistantKnowledge()
            .AddAssistantModels()
            .AddAssistantTracing()
            .AddAssistantAnswers()
            .AddAssistantReleases()
            .AddAssistantBackoffice()
            .AddAssistantAudit()
            .AddAssistantActions()
            .AddAssistantConversations()
            .AddAssistantHandoffs()
            .AddAssistantFeedbackTriage()
            .AddAssistantEvaluation();
        if (version is not null)
        {
            builder.Services.AddSingleton<IVersionSelector>(new FixedVersionSelector(version));
        }
        var host = builder.Build();
        // Check the data folder now, so a bad setting ends in one sentence naming it rather than a SQLite stack trace.
        _ = host.Services.GetRequiredService<IOptions<AssistantOptions>>().Value;
        // And the shared database, for the same reason: one sentence naming what was tried, not an Npgsql stack trace.
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.PostgreSQL)
        {
            PostgresReachability.EnsureReachableAsync(host.Services.GetRequiredService<PostgresDatabase>(),
                TimeSpan.FromSeconds(storage.StartupWaitSeconds), CancellationToken.None).GetAwaiter().GetResult();
        }
        return host;
    }
}
