using Assistant.Cli.Benchmarks;
using Assistant.Core.Evaluation;
using Assistant.Core.Evaluation.Release;
using Assistant.Core.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>What <c>assistant eval --suite all</c> was asked to do.</summary>
internal sealed record ReleaseGateSettings(
    string GoldenPath, string RedTeamFolder, string GatesPath, string? BaselinePath, string? WriteBaseline, int Repeat,
    bool SkipLatency, string JsonPath, string MarkdownPath, EvalVersion? Version = null);

/// <summary>
/// <c>assistant eval --suite all</c>: the golden set and the red-team suite (repeated when a model is configured),
/// compared with a baseline under evals/gates.json, printed, written as Markdown with SVG charts and as JSON; exit 1
/// when a gate of the "all" split fails. <c>--write-baseline</c> keeps the run as a baseline instead of comparing.
/// </summary>
internal static class ReleaseGateRun
{
    public static async Task<int> RunAsync(ReleaseGateSettings settings, CancellationToken cancellationToken)
    {
        var notes = new List<string>();
        var repeat = settings.Repeat;
        if (repeat > 1 && !ModelConfigured())
        {
            // The offline pipeline is deterministic: a second run would repeat the first to the last digit.
            notes.Add($"--repeat {repeat} ignored: no model is configured, and offline runs are deterministic (1 run).");
            repeat = 1;
        }
        var cases = GoldenCase.Load(settings.GoldenPath);
        var runs = new List<ReleaseSnapshot>();
        for (var run = 1; run <= repeat; run++)
        {
            AnsiConsole.MarkupLine($"Run {run} of {repeat}: golden set ({cases.Count} cases), then the red-team suite");
            var (results, _, generator, described) = await GoldenRun.RunAsync(cases, cancellationToken, settings.Version);
            var (redTeam, _) = await RedTeamRun.RunCasesAsync(settings.RedTeamFolder, cancellationToken, settings.Version);
            runs.Add(SnapshotBuilder.From(settings.WriteBaseline ?? "now", generator, described, cases, results, redTeam));
        }
        var now = SnapshotBuilder.Combine(runs);

        if (settings.WriteBaseline is { } name)
        {
            var path = Path.Combine("evals", "baselines", $"{name}.json");
            now.Save(path);
            AnsiConsole.MarkupLine($"Wrote baseline [bold]{Markup.Escape(path)}[/] ({now.Settings})");
            return 0;
        }
        var baselinePath = settings.BaselinePath ?? Path.Combine("evals", "baselines", "main.json");
        var skip = settings.SkipLatency ? "--skip-latency (latency on a shared machine is not a release signal)" : null;
        if (skip is not null)
        {
            notes.Add($"Latency gates skipped: {skip}. Run without --skip-latency on a quiet machine to check them.");
        }
        if (repeat > 1)
        {
            notes.Add($"{repeat} runs: values are means with a 95 % interval; a regression is called only when the interval excludes the baseline.");
        }
        var report = ReleaseGateReport.Create(baselinePath, ReleaseSnapshot.Load(baselinePath), now, GateRule.Load(settings.GatesPath), skip, notes)
            with { ConfigVersion = settings.Version?.Id };

        ReleaseGatePrinter.Print(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.MarkdownPath))!);
        await File.WriteAllTextAsync(settings.MarkdownPath, GateMarkdown.Render(report), cancellationToken);
        await BenchJson.WriteAsync(settings.JsonPath, report, cancellationToken);
        AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(settings.MarkdownPath)}[/] and [bold]{Markup.Escape(settings.JsonPath)}[/]");
        return report.Passed ? 0 : 1;
    }

    private static bool ModelConfigured()
    {
        using var host = CliHost.Build();
        return host.Services.GetRequiredService<IOptions<ModelOptions>>().Value.IsConfigured;
    }
}
