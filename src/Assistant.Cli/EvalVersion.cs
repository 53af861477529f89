using Assistant.Core.Answers;
using Assistant.Core.Models;
using Assistant.Core.Releases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Cli;

/// <summary>
/// The assistant version an evaluation answers with: <c>--config &lt;id&gt;</c> reads it from the app database (a
/// draft may be evaluated before it is published), otherwise it is the configured version, whose id follows from the
/// configuration alone. <see cref="Fixed"/> is null when the run answers with the configured version.
/// </summary>
internal sealed record EvalVersion(string Id, AssistantVersion? Fixed)
{
    /// <summary>The version, or null when <paramref name="id"/> names none (the error is printed by the caller).</summary>
    public static async Task<EvalVersion?> ResolveAsync(string? id, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        if (id is null)
        {
            var settings = ConfiguredVersion.Settings(host.Services.GetRequiredService<IOptions<AnswerOptions>>().Value,
                host.Services.GetRequiredService<IOptions<ModelOptions>>().Value, host.Services.GetRequiredService<IKnownTools>().Names);
            return new EvalVersion(ConfiguredVersion.Id(settings), null);
        }
        var version = await host.Services.GetRequiredService<IAssistantVersionStore>().GetAsync(id, cancellationToken);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return version is null ? null : new EvalVersion(version.Id, version);
    }

    /// <summary>The ids there are, for the error that names an unknown one.</summary>
    public static async Task<IReadOnlyList<string>> KnownIdsAsync(CancellationToken cancellationToken)
    {
        using var host = CliHost.Build();
        var versions = await host.Services.GetRequiredService<IAssistantVersionStore>().ListAsync(cancellationToken);
        return versions.Select(version => version.Id).ToList();
    }
}
