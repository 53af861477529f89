using System.CommandLine;
using System.Runtime.InteropServices;
using Assistant.Cli.Benchmarks;
using Spectre.Console;

namespace Assistant.Cli.Commands;

/// <summary>
/// "bench load": starts the web host in this process on 127.0.0.1 (a free port, a temporary data folder, the given
/// knowledge folder), signs in the demo users and drives bounded load through the chat API: 1, 4 and 20 connections
/// in short conversations, then one long conversation.
/// </summary>
internal static class LoadBenchmarkCommand
{
    // The demo end users of appsettings.json (their passwords are listed in appsettings.Development.json).
    private static readonly (string User, string Password)[] DemoUsers = [("alice", "alice-demo"), ("bob", "bob-demo")];

    public static Command Create()
    {
        var knowledge = new Option<string>("--knowledge") { Description = "Knowledge folder the host ingests.", DefaultValueFactory = _ => "knowledge" };
        var golden = new Option<string>("--questions") { Description = "JSONL file whose \"turns\" are asked.", DefaultValueFactory = _ => Path.Combine("evals", "golden", "answers.jsonl") };
        var connections = new Option<int[]>("--connections") { Description = "Concurrent connections per scenario.", DefaultValueFactory = _ => [1, 4, 20], AllowMultipleArgumentsPerToken = true };
        var requests = new Option<int>("--requests") { Description = "Messages per scenario at most.", DefaultValueFactory = _ => 2000 };
        var seconds = new Option<int>("--seconds") { Description = "Time limit per scenario.", DefaultValueFactory = _ => 30 };
        var length = new Option<int>("--conversation-length") { Description = "Messages per short conversation.", DefaultValueFactory = _ => 5 };
        var longMessages = new Option<int>("--long-messages") { Description = "Messages in the long conversation (0 to skip it).", DefaultValueFactory = _ => 400 };
        var longSeconds = new Option<int>("--long-seconds") { Description = "Time limit of the long conversation.", DefaultValueFactory = _ => 120 };
        var warmUp = new Option<int>("--warm-up") { Description = "Unmeasured messages first (JIT, caches, pools).", DefaultValueFactory = _ => 200 };
        var unique = new Option<bool>("--unique-questions") { Description = "Make every message's text new (its word spacing differs), so no cache keyed by text helps." };
        var output = new Option<string>("--out") { Description = "Where to write the JSON result.", DefaultValueFactory = _ => Path.Combine("evals", "results", "load.json") };
        var command = new Command("load", "Chat throughput and latency over HTTP on 127.0.0.1 with offline answers: 1, 4, 20 connections and a long conversation.")
        {
            knowledge, golden, connections, requests, seconds, length, longMessages, longSeconds, warmUp, unique, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new LoadSettings(parse.GetValue(connections)!, Positive(parse.GetValue(requests), "--requests"),
                TimeSpan.FromSeconds(Positive(parse.GetValue(seconds), "--seconds")), Positive(parse.GetValue(length), "--conversation-length"),
                parse.GetValue(longMessages), TimeSpan.FromSeconds(Positive(parse.GetValue(longSeconds), "--long-seconds")), 50, parse.GetValue(warmUp));
            var questions = new LoadQuestions(GoldenQuestions.Load(parse.GetValue(golden)!), parse.GetValue(unique));

            await using var host = new LoadHost(parse.GetValue(knowledge)!);
            AnsiConsole.MarkupLine($"Starting the web host over [bold]{Markup.Escape(parse.GetValue(knowledge)!)}[/] (data in {Markup.Escape(host.DataDirectory)})...");
            await host.StartAsync(cancellationToken);
            var tokens = new List<string>();
            foreach (var (user, password) in DemoUsers)
            {
                tokens.Add(await LoadClient.SignInAsync(host.BaseAddress, user, password, cancellationToken));
            }
            AnsiConsole.MarkupLine($"Listening on {host.BaseAddress}; {questions.Count} questions{(questions.Unique ? ", every message's text new" : "")}, signed in as {string.Join(", ", DemoUsers.Select(u => u.User))}.");

            var benchmark = new LoadBenchmark(host.BaseAddress, tokens, questions, settings);
            if (settings.WarmUpRequests > 0)
            {
                await benchmark.RunScenarioAsync("warm-up", 4, settings.WarmUpRequests, cancellationToken);
            }
            var scenarios = new List<LoadScenarioResult>();
            foreach (var count in settings.Connections)
            {
                AnsiConsole.MarkupLine($"[bold]{count} connection{(count == 1 ? "" : "s")}[/]: up to {settings.RequestsPerScenario:N0} messages or {settings.ScenarioTime.TotalSeconds:N0}s");
                scenarios.Add(await benchmark.RunScenarioAsync($"{count} connection{(count == 1 ? "" : "s")}", Positive(count, "--connections"), settings.RequestsPerScenario, cancellationToken));
            }
            LongConversationResult? longConversation = null;
            if (settings.LongConversationMessages > 0)
            {
                AnsiConsole.MarkupLine($"[bold]Long conversation[/]: up to {settings.LongConversationMessages:N0} messages or {settings.LongConversationTime.TotalSeconds:N0}s");
                longConversation = await benchmark.RunLongConversationAsync(cancellationToken);
            }

            var result = new LoadBenchmarkResult(
                $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
                File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null,
                parse.GetValue(knowledge)!, questions.Count, questions.Unique, settings.ConversationLength, scenarios, longConversation);
            Print(result);
            await BenchJson.WriteAsync(parse.GetValue(output)!, result, cancellationToken);
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(parse.GetValue(output)!)}[/]");
            return scenarios.Sum(s => s.Errors) + (longConversation?.Errors ?? 0) == 0 ? 0 : 1;
        });
        return command;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be at least 1 (it was {value}).");

    private static void Print(LoadBenchmarkResult result)
    {
        // Lines rather than a table: a redirected console is 80 columns wide, and CI logs keep lines whole.
        foreach (var s in result.Scenarios)
        {
            AnsiConsole.MarkupLine($"[bold]{s.Name}[/]: {s.Answers:N0} answers, {s.Errors} errors, {s.AnswersPerSecond:N1} answers/s; " +
                $"P50 {s.LatencyMs.P50:F1} ms, P95 {s.LatencyMs.P95:F1} ms, P99 {s.LatencyMs.P99:F1} ms; CPU {s.CpuMsPerAnswer:F2} ms/answer");
        }
        if (result.LongConversation is { } conversation)
        {
            AnsiConsole.MarkupLine($"Long conversation: {conversation.Messages:N0} messages, {conversation.Errors} errors; " +
                $"P50 of the first {conversation.Window} {conversation.FirstMessagesMs.P50:F1} ms, of the last {conversation.Window} {conversation.LastMessagesMs.P50:F1} ms " +
                $"(P95 {conversation.FirstMessagesMs.P95:F1} vs {conversation.LastMessagesMs.P95:F1}).");
        }
    }
}
