using System.CommandLine;
using Assistant.Cli.Benchmarks;
using Assistant.Core.Evaluation;
using Assistant.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.AI;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "assistant eval": the golden set through the real answer pipeline over a fresh index of the knowledge folder,
/// metrics printed and written as JSON, release gates checked (non-zero exit when one fails). With
/// <c>--suite redteam</c>, the red-team cases instead (<see cref="RedTeamRun"/>).
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var golden = new Option<string>("--golden") { Description = "Golden set (JSONL).", DefaultValueFactory = _ => Path.Combine("evals", "golden", "answers.jsonl") };
        var gates = new Option<string>("--gates") { Description = "Release gates.", DefaultValueFactory = _ => Path.Combine("evals", "gates.json") };
        var output = new Option<string?>("--out") { Description = "Where to write the JSON report (default evals/results/eval-<suite>.json; --suite all: artifacts/eval/gate.json, next to the Markdown report, where /admin/launch reads it)." };
        var verbose = new Option<bool>("--show-failures") { Description = "Print every case that missed a fact, a decline or a citation (red team: every case)." };
        var suite = new Option<string>("--suite") { Description = "Which suite: answers (the golden set), redteam, or all (both, gated against --baseline).", DefaultValueFactory = _ => "answers" };
        suite.AcceptOnlyFromAmong("answers", "redteam", "all");
        var baseline = new Option<string?>("--baseline") { Description = "--suite all: the baseline to compare with (default evals/baselines/main.json)." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "--suite all: keep this run as evals/baselines/<name>.json instead of comparing." };
        var repeat = new Option<int>("--repeat") { Description = "--suite all with a model: runs to average (95 % intervals); offline runs are deterministic, so 1.", DefaultValueFactory = _ => 1 };
        var skipLatency = new Option<bool>("--skip-latency") { Description = "--suite all: do not gate latency (say so in the output); for shared CI machines." };
        var markdown = new Option<string>("--report") { Description = "--suite all: the Markdown report.", DefaultValueFactory = _ => Path.Combine("artifacts", "eval", "gate.md") };
        var redTeam = new Option<string>("--redteam") { Description = "Red-team suite folder (case files and overlay/).", DefaultValueFactory = _ => Path.Combine("evals", "redteam") };
        var config = new Option<string?>("--config") { Description = "The assistant version to evaluate (an id from /api/admin/versions or `assistant versions list`); default: the configured version." };
        var triageData = new Option<string?>("--data") { Description = "Also run the golden cases written in feedback triage in this data folder's assistant.db (on PostgreSQL, in the shared database)." };
        var command = new Command("eval", "Run the golden answer set (or the red-team suite, or both against a baseline) and check the release gates.")
        {
            golden, gates, output, verbose, suite, redTeam, baseline, writeBaseline, repeat, skipLatency, markdown, triageData, config, EvalExportCommand.Create(),
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(suite)!;
            var outputPath = parse.GetValue(output) ?? (chosen == "all"
                ? Path.Combine("artifacts", "eval", "gate.json")
                : Path.Combine("evals", "results", $"eval-{chosen}.json"));
            var version = await EvalVersion.ResolveAsync(parse.GetValue(config), cancellationToken);
            if (version is null)
            {
                // Exit 2, as for any argument the command cannot run with: nothing was evaluated.
                var known = await EvalVersion.KnownIdsAsync(cancellationToken);
                AnsiConsole.MarkupLine($"[red]error:[/] --config: there is no assistant version '{Markup.Escape(parse.GetValue(config)!)}'. Versions are: {Markup.Escape(string.Join(", ", known))}.");
                return 2;
            }
            AnsiConsole.MarkupLine($"Assistant version [bold]{Markup.Escape(version.Id)}[/]{(version.Fixed is { } chosenVersion ? $" ({chosenVersion.Status.ToString().ToLowerInvariant()})" : " (configured)")}");
            if (chosen == "all")
            {
                if (parse.GetValue(repeat) is < 1 or > 50)
                {
                    AnsiConsole.MarkupLine("[red]error:[/] --repeat must be between 1 and 50.");
                    return 1;
                }
                return await ReleaseGateRun.RunAsync(new ReleaseGateSettings(parse.GetValue(golden)!, parse.GetValue(redTeam)!, parse.GetValue(gates)!,
                    parse.GetValue(baseline), parse.GetValue(writeBaseline), parse.GetValue(repeat), parse.GetValue(skipLatency), outputPath,
                    parse.GetValue(markdown)!, version), cancellationToken);
            }
            if (chosen == "redteam")
            {
                return await RedTeamRun.RunAsync(parse.GetValue(redTeam)!, parse.GetValue(gates)!, outputPath, parse.GetValue(verbose), cancellationToken, version);
            }
            var cases = GoldenCase.Load(parse.GetValue(golden)!);
            if (parse.GetValue(triageData) is { } triaged)
            {
                using var drafts = TriageDrafts.Open(triaged);
                if (drafts is null)
                {
                    return 2;
                }
                cases = await Assistant.Core.Feedback.Triage.TriagedGoldenCases.AddToAsync(cases,
                    drafts.Services.GetRequiredService<Assistant.Core.Feedback.Triage.IGoldenCaseDraftStore>(), cancellationToken);
            }
            var (results, metrics, generator, _) = await GoldenRun.RunAsync(cases, cancellationToken, version);
            var gateResults = Gates.Check(parse.GetValue(gates)!, "answers", metrics);
            var report = new EvaluationReport(parse.GetValue(golden)!, cases.Count, generator, DateTimeOffset.UtcNow, metrics,
                AnswerEvaluator.ScoreSplits(cases, results), gateResults, results) { ConfigVersion = version.Id };

            EvalPrinter.Print(report, parse.GetValue(verbose));
            await BenchJson.WriteAsync(outputPath, report, cancellationToken);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(outputPath)}[/]");
            return report.Passed ? 0 : 1;
        });
        return command;
    }
}
