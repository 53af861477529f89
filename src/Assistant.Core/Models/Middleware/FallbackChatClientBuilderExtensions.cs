using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Core.Models.Middleware;

public static class FallbackChatClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="FallbackChatClient"/>: when every attempt below it failed, <paramref name="fallback"/> answers
    /// with a notice. Its logger comes from <paramref name="loggerFactory"/>, else from the services the pipeline is
    /// built with.
    /// </summary>
    public static ChatClientBuilder UseFallback(this ChatClientBuilder builder, IChatClient fallback, ILoggerFactory? loggerFactory = null) =>
        builder.Use((inner, services) =>
        {
            var factory = loggerFactory ?? services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
            return new FallbackChatClient(inner, fallback, factory.CreateLogger<FallbackChatClient>());
        });
}
