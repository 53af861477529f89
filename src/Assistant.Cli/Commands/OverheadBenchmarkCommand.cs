using System.CommandLine;
using System.Runtime.InteropServices;
using Assistant.Cli.Benchmarks;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "bench overhead": what the operating controls (telemetry, and whatever else --toggle names) add to an answer. Two
/// web hosts in child processes on 127.0.0.1, one as configured and one with every toggled setting "false", get the
/// same questions interleaved over HTTP; the P95 difference is the cost (target at most 2 ms).
/// </summary>
internal static class OverheadBenchmarkCommand
{
    /// <summary>The settings switched off in the baseline host unless --toggle says otherwise.</summary>
    public static readonly string[] DefaultToggles = ["Assistant:Monitoring:Enabled", "Assistant:Budgets:Enabled"];

    private const double TargetMs = 2;

    public static Command Create()
    {
        var knowledge = new Option<string>("--knowledge") { Description = "Knowledge folder both hosts ingest.", DefaultValueFactory = _ => "knowledge" };
        var golden = new Option<string>("--questions") { Description = "JSONL file whose \"turns\" are asked.", DefaultValueFactory = _ => Path.Combine("evals", "golden", "answers.jsonl") };
        var requests = new Option<int>("--requests") { Description = "Measured questions per host.", DefaultValueFactory = _ => 1000 };
        var warmUp = new Option<int>("--warm-up") { Description = "Unmeasured questions first (JIT, caches, pools).", DefaultValueFactory = _ => 200 };
        var toggles = new Option<string[]>("--toggle")
        {
            Description = $"Boolean settings that are \"false\" in the baseline host (default {string.Join(", ", DefaultToggles)}); repeat to add more.",
            DefaultValueFactory = _ => DefaultToggles,
            AllowMultipleArgumentsPerToken = true,
        };
        var settings = new Option<string[]>("--set") { Description = "key=value settings for both hosts, e.g. Assistant:Embeddings:Provider=Hashing.", DefaultValueFactory = _ => [] };
        var output = new Option<string>("--out") { Description = "Where to write the JSON result.", DefaultValueFactory = _ => Path.Combine("evals", "results", "overhead.json") };
        var command = new Command("overhead", "The P95 that telemetry (and other --toggle settings) add to an answer, against the same pipeline with them off, interleaved in one run.")
        {
            knowledge, golden, requests, warmUp, toggles, settings, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var shared = ParseSettings(parse.GetValue(settings)!);
            var toggled = parse.GetValue(toggles)!.Distinct().ToList();
            var questions = GoldenQuestions.Load(parse.GetValue(golden)!);
            AnsiConsole.MarkupLine($"Starting two hosts over [bold]{Markup.Escape(parse.GetValue(knowledge)!)}[/]; off in the baseline: {Markup.Escape(string.Join(", ", toggled))}...");
            await using var on = await OverheadHostProcess.StartAsync(parse.GetValue(knowledge)!, shared, cancellationToken);
            await using var off = await OverheadHostProcess.StartAsync(parse.GetValue(knowledge)!,
                new Dictionary<string, string>(shared.Concat(toggled.Select(key => KeyValuePair.Create(key, "false")))), cancellationToken);
            AnsiConsole.MarkupLine($"On: {on.BaseAddress}; off: {off.BaseAddress}; {questions.Count} questions.");
            await OverheadBenchmark.CheckTelemetryAsync(on.BaseAddress, off.BaseAddress, cancellationToken);

            var benchmark = new OverheadBenchmark(on.BaseAddress, off.BaseAddress,
                await LoadClient.SignInAsync(on.BaseAddress, "alice", "alice-demo", cancellationToken),
                await LoadClient.SignInAsync(off.BaseAddress, "alice", "alice-demo", cancellationToken), questions);
            var (onMs, offMs, errors) = await benchmark.RunAsync(Positive(parse.GetValue(requests), "--requests"), Math.Max(0, parse.GetValue(warmUp)), cancellationToken);

            var onStats = LatencyStats.Of(onMs);
            var offStats = LatencyStats.Of(offMs);
            var paired = onMs.Zip(offMs, (a, b) => a - b).Order().ToList();
            var result = new OverheadResult(
                $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
                File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null,
                parse.GetValue(knowledge)!, toggled, shared, onMs.Count, errors, onStats, offStats,
                Math.Round(onStats.P95 - offStats.P95, 3), Math.Round(onStats.P50 - offStats.P50, 3),
                paired.Count == 0 ? 0 : Math.Round(paired[paired.Count / 2], 3), TargetMs);
            AnsiConsole.MarkupLine($"On:  P50 {onStats.P50:F2} ms, P95 {onStats.P95:F2} ms, P99 {onStats.P99:F2} ms ({onMs.Count} answers)");
            AnsiConsole.MarkupLine($"Off: P50 {offStats.P50:F2} ms, P95 {offStats.P95:F2} ms, P99 {offStats.P99:F2} ms ({offMs.Count} answers)");
            AnsiConsole.MarkupLine($"[bold]Added: P95 {result.P95AddedMs:F2} ms[/], P50 {result.P50AddedMs:F2} ms, median paired {result.MedianPairedDifferenceMs:F2} ms " +
                $"(target P95 at most {TargetMs} ms: {(result.WithinTarget ? "[green]met[/]" : "[red]missed[/]")}); {errors} errors.");
            await BenchJson.WriteAsync(parse.GetValue(output)!, result, cancellationToken);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(parse.GetValue(output)!)}[/]");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The child process bench overhead starts: a host with the given settings, until its input closes.</summary>
    public static Command CreateHost()
    {
        var knowledge = new Option<string>("--knowledge") { Required = true };
        var settings = new Option<string[]>("--set") { DefaultValueFactory = _ => [] };
        var command = new Command("overhead-host", "(internal) One host of bench overhead.") { knowledge, settings };
        command.Hidden = true;
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var host = new LoadHost(parse.GetValue(knowledge)!, ParseSettings(parse.GetValue(settings)!).ToDictionary(p => p.Key, p => (string?)p.Value));
            await host.StartAsync(cancellationToken);
            Console.WriteLine(OverheadHostProcess.ReadyMarker + host.BaseAddress);
            // The parent closes our input when it is done (or dies): either way ReadToEnd returns.
            await Console.In.ReadToEndAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs) =>
        pairs.Select(pair => pair.Split('=', 2)).ToDictionary(
            parts => parts.Length == 2 && parts[0].Length > 0 ? parts[0] : throw new ArgumentException($"--set takes key=value, not '{string.Join('=', parts)}'."),
            parts => parts[1]);

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be at least 1 (it was {value}).");
}
