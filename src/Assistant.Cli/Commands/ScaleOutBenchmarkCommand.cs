using System.CommandLine;
using System.Runtime.InteropServices;
using Assistant.Cli.Benchmarks;
using Assistant.Cli.Benchmarks.ScaleOut;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "bench scale-out": PostgreSQL, N replicas of the web app and the gateway on 127.0.0.1; a bounded mix of users
/// (chat and search, refunds and tickets, agents approving) through the gateway; one replica killed part-way; the
/// figures before, during and after; then the database checked against what the users were told. Runs once per
/// --replicas value (default 1 and 3), so the report sets one replica's throughput beside three's.
/// </summary>
internal static class ScaleOutBenchmarkCommand
{
    private const string TwoCoreNote =
        "All replicas, the gateway, PostgreSQL and the simulated users share this machine's cores: more replicas add " +
        "processes, not cores, so the ratio shows what replicas cost and keep on one host, not how throughput grows " +
        "with hosts. Scaling figures need a host (or reserved cores) per replica.";

    public static Command Create()
    {
        var replicas = new Option<int[]>("--replicas") { Description = "Replica counts, one run each; runs with 2 or more kill one.", DefaultValueFactory = _ => [1, 3], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<int>("--seconds") { Description = "Measured time per run.", DefaultValueFactory = _ => 120 };
        var killAt = new Option<int?>("--kill-at") { Description = "Seconds into the measured time to kill the last replica (default: half-way)." };
        var noKill = new Option<bool>("--no-kill") { Description = "Kill nothing (throughput only)." };
        var warmUp = new Option<int>("--warm-up") { Description = "Unmeasured seconds of the same load first (JIT, pools, caches on every replica).", DefaultValueFactory = _ => 30 };
        var chatUsers = new Option<int>("--chat-users") { Description = "End users chatting and searching, each in a closed loop.", DefaultValueFactory = _ => 12 };
        var actionUsers = new Option<int>("--action-users") { Description = "End users asking for refunds and tickets.", DefaultValueFactory = _ => 2 };
        var staff = new Option<int>("--staff") { Description = "Support agents approving refunds.", DefaultValueFactory = _ => 2 };
        var length = new Option<int>("--conversation-length") { Description = "Messages per conversation.", DefaultValueFactory = _ => 4 };
        var knowledge = new Option<string>("--knowledge") { Description = "Knowledge folder the replicas ingest.", DefaultValueFactory = _ => "knowledge" };
        var golden = new Option<string>("--questions") { Description = "JSONL file whose \"turns\" are asked.", DefaultValueFactory = _ => Path.Combine("evals", "golden", "answers.jsonl") };
        var set = new Option<string[]>("--set") { Description = "key=value settings for every replica, e.g. Assistant:Embeddings:Provider=Hashing.", DefaultValueFactory = _ => [] };
        var gatewaySet = new Option<string[]>("--gateway-set") { Description = "key=value settings for the gateway, e.g. Gateway:PassiveHealth:DefaultFailureRateLimit=0.1.", DefaultValueFactory = _ => [] };
        var readyMinutes = new Option<int>("--ready-minutes") { Description = "How long the stack may take to be ready (ingest and embedding on start).", DefaultValueFactory = _ => 20 };
        var keep = new Option<bool>("--keep") { Description = "Keep each run's folder (replica and gateway logs, data folders)." };
        var output = new Option<string>("--out") { Description = "Where to write the JSON result.", DefaultValueFactory = _ => Path.Combine("artifacts", "bench", "scale-out.json") };
        var command = new Command("scale-out", "PostgreSQL, replicas and the gateway under a mix of users, one replica killed; figures per phase and database checks.")
        {
            replicas, seconds, killAt, noKill, warmUp, chatUsers, actionUsers, staff, length, knowledge, golden, set, gatewaySet, readyMinutes, keep, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var duration = TimeSpan.FromSeconds(Positive(parse.GetValue(seconds), "--seconds"));
            var kill = TimeSpan.FromSeconds(parse.GetValue(killAt) ?? duration.TotalSeconds / 2);
            if (kill <= TimeSpan.Zero || kill >= duration)
            {
                throw new ArgumentException($"--kill-at must lie inside the measured time (1 to {duration.TotalSeconds - 1:N0} s), not {kill.TotalSeconds:N0}.");
            }
            var settings = new ScaleOutSettings(duration, kill, TimeSpan.FromSeconds(Math.Max(parse.GetValue(warmUp), 0)),
                Positive(parse.GetValue(chatUsers), "--chat-users"), parse.GetValue(actionUsers), parse.GetValue(staff),
                Positive(parse.GetValue(length), "--conversation-length"), parse.GetValue(knowledge)!, ParseSettings(parse.GetValue(set)!),
                ParseSettings(parse.GetValue(gatewaySet)!), TimeSpan.FromMinutes(Positive(parse.GetValue(readyMinutes), "--ready-minutes")));
            var questions = new LoadQuestions(GoldenQuestions.Load(parse.GetValue(golden)!), unique: false);
            var run = new ScaleOutRun(settings, questions);
            var runs = new List<ScaleOutRunResult>();
            foreach (var count in parse.GetValue(replicas)!)
            {
                var killOne = count >= 2 && !parse.GetValue(noKill);
                AnsiConsole.MarkupLine($"[bold]{Positive(count, "--replicas")} replica{(count == 1 ? "" : "s")}[/]{(killOne ? ", one killed" : "")}:");
                ScaleOutRunResult result;
                try
                {
                    result = await run.RunAsync(count, killOne, parse.GetValue(keep), cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    AnsiConsole.MarkupLine("[yellow]Cancelled: the replicas, the gateway and the PostgreSQL cluster were stopped.[/]");
                    return 130;
                }
                catch (Exception exception)
                {
                    result = new ScaleOutRunResult(count, null, null, [], PhaseSplitter.Stats("total", [], 0, 0), new Dictionary<string, double>(),
                        new Dictionary<string, int>(), [], [], null, exception.Message);
                }
                ScaleOutPrinter.Print(result);
                runs.Add(result);
            }

            var comparison = Compare(runs);
            if (comparison is not null)
            {
                ScaleOutPrinter.Print(comparison);
            }
            var allPassed = runs.All(r => r.Error is null && r.Checks.All(c => c.Passed) && r.Targets.All(t => t.Met));
            var report = new ScaleOutResult(
                $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
                File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null, DateTimeOffset.UtcNow,
                new ScaleOutRunSettings(duration.TotalSeconds, kill.TotalSeconds, settings.WarmUp.TotalSeconds, settings.ChatUsers, settings.ActionUsers,
                    settings.Staff, settings.ConversationLength, settings.KnowledgeDirectory, settings.ReplicaSettings, settings.GatewaySettings),
                runs, comparison, allPassed);
            await BenchJson.WriteAsync(parse.GetValue(output)!, report, cancellationToken);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(parse.GetValue(output)!)}[/]{(allPassed ? "" : " [red](some checks or targets failed)[/]")}");
            return allPassed ? 0 : 1;
        });
        return command;
    }

    /// <summary>One replica against the most replicas, by answers/s before any kill (steady state, same load).</summary>
    public static ScalingComparison? Compare(IReadOnlyList<ScaleOutRunResult> runs)
    {
        var one = runs.FirstOrDefault(r => r.Replicas == 1 && r.Error is null);
        var most = runs.Where(r => r.Replicas > 1 && r.Error is null).MaxBy(r => r.Replicas);
        if (one is null || most is null)
        {
            return null;
        }
        var single = one.Phases[0].AnswersPerSecond;
        var many = most.Phases[0].AnswersPerSecond;
        return new ScalingComparison(most.Replicas, single, many, single == 0 ? 0 : Math.Round(many / single, 2), TwoCoreNote);
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be at least 1 (it was {value}).");

    private static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs) =>
        pairs.Select(pair => pair.Split('=', 2)).ToDictionary(
            parts => parts.Length == 2 && parts[0].Length > 0 ? parts[0] : throw new ArgumentException($"--set takes key=value, not '{string.Join('=', parts)}'."),
            parts => parts[1]);
}
