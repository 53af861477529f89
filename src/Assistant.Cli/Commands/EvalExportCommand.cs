using System.CommandLine;
using Assistant.Core.Feedback.Triage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "assistant eval export": the golden cases written in feedback triage and not yet exported, appended to
/// evals/golden/pending-&lt;date&gt;.jsonl for review in a pull request, then marked exported. A reviewer moves the
/// lines they accept into answers.jsonl; until then <c>assistant eval --data</c> runs them from the database.
/// </summary>
internal static class EvalExportCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The web app's data folder (holds assistant.db; on PostgreSQL the shared database is read instead).", DefaultValueFactory = _ => "data" };
        var folder = new Option<string>("--to") { Description = "Folder to write the pending file to.", DefaultValueFactory = _ => Path.Combine("evals", "golden") };
        var command = new Command("export", "Write golden cases written in feedback triage to evals/golden/pending-<date>.jsonl for review.") { data, folder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = TriageDrafts.Open(parse.GetValue(data)!);
            if (host is null)
            {
                return 2;
            }
            var drafts = host.Services.GetRequiredService<IGoldenCaseDraftStore>();
            var pending = await drafts.ListAsync(GoldenCaseDraft.Pending, cancellationToken);
            if (pending.Count == 0)
            {
                AnsiConsole.MarkupLine("No pending golden cases to export.");
                return 0;
            }
            var path = Path.Combine(parse.GetValue(folder)!, $"pending-{DateTime.UtcNow:yyyy-MM-dd}.jsonl");
            // Written before marking: a crash in between exports a case twice (visible in review), never loses one.
            await GoldenCaseFile.AppendAsync(path, pending, cancellationToken);
            await drafts.MarkExportedAsync(pending.Select(d => d.Id).ToArray(), cancellationToken);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            AnsiConsole.MarkupLine($"Wrote {pending.Count} case(s) to [bold]{Markup.Escape(path)}[/] for review.");
            return 0;
        });
        return command;
    }
}
