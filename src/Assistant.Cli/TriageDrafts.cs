using Assistant.Core;
using Assistant.Core.Feedback.Triage;
using Assistant.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>
/// The golden-case drafts written in feedback triage, through the store the configuration picks: the assistant.db of
/// the data folder <c>--data</c> names on SQLite, the shared database when Assistant:Storage:Provider is PostgreSQL.
/// </summary>
internal static class TriageDrafts
{
    /// <summary>
    /// The host to resolve <see cref="IGoldenCaseDraftStore"/> from; null, after saying why, when the provider is SQLite
    /// and the folder holds no app database (a mistyped --data must not quietly read, or create, an empty one).
    /// </summary>
    public static IHost? Open(string dataDirectory)
    {
        var host = CliHost.Build(Overrides.From(dataDirectory, null));
        var databasePath = host.Services.GetRequiredService<IOptions<AssistantOptions>>().Value.DatabasePath;
        if (host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Sqlite && !File.Exists(databasePath))
        {
            host.Dispose();
            AnsiConsole.MarkupLine($"[red]No app database at {Markup.Escape(databasePath)}.[/] Pass the web app's data folder with --data.");
            return null;
        }
        return host;
    }
}
