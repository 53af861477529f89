using System.Diagnostics;
using System.Net;
using Spectre.Console;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// Drives bounded load at a running host: each scenario stops at its request count or its time limit, whichever
/// comes first. Connections ask golden-set questions in short conversations, each asking its next question as
/// soon as the last is answered (closed loop), so answers/s is the host's capacity at that concurrency.
/// </summary>
internal sealed class LoadBenchmark(Uri baseAddress, IReadOnlyList<string> tokens, LoadQuestions questions, LoadSettings settings)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public async Task<LoadScenarioResult> RunScenarioAsync(string name, int connections, int requests, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, connections).Select(i => LoadClient.Connect(baseAddress, tokens[i % tokens.Count])).ToList();
        try
        {
            var remaining = requests;
            var errors = 0;
            var latencies = new List<double>[connections];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(settings.ScenarioTime);
            var progress = PrintProgressAsync(name, requests, () => requests - Math.Max(Volatile.Read(ref remaining), 0), clock, stop.Token);

            await Task.WhenAll(clients.Select((client, index) => Task.Run(async () =>
            {
                var own = latencies[index] = [];
                // Each connection starts at its own place in the golden set, so connections ask different things.
                var next = index * settings.ConversationLength * 7;
                string? conversation = null;
                for (var turn = 0; !stop.IsCancellationRequested && Interlocked.Decrement(ref remaining) >= 0; turn++)
                {
                    try
                    {
                        if (turn % settings.ConversationLength == 0)
                        {
                            conversation = await client.CreateConversationAsync(stop.Token);
                        }
                        var started = Stopwatch.GetTimestamp();
                        var status = await client.AskAsync(conversation!, questions.At(next++), stop.Token);
                        if (status == HttpStatusCode.OK)
                        {
                            own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        }
                        else
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }, CancellationToken.None)));
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            await stop.CancelAsync();
            await progress;

            var all = latencies.SelectMany(list => list ?? []).ToList();
            return new LoadScenarioResult(name, connections, all.Count, errors, Math.Round(seconds, 3),
                Math.Round(all.Count / seconds, 1), LatencyStats.Of(all), Math.Round(cpu / Math.Max(all.Count, 1), 2));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    /// <summary>One conversation, one connection, message after message: does a message's cost grow with the history?</summary>
    public async Task<LongConversationResult> RunLongConversationAsync(CancellationToken cancellationToken)
    {
        using var client = LoadClient.Connect(baseAddress, tokens[0]);
        var conversation = await client.CreateConversationAsync(cancellationToken);
        var latencies = new List<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(settings.LongConversationTime);
        var progress = PrintProgressAsync("long conversation", settings.LongConversationMessages, () => latencies.Count + errors, clock, stop.Token);
        for (var message = 0; message < settings.LongConversationMessages && !stop.IsCancellationRequested; message++)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var status = await client.AskAsync(conversation, questions.At(message), stop.Token);
                if (status == HttpStatusCode.OK)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    errors++;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await progress;
        var window = Math.Min(settings.LongConversationWindow, latencies.Count / 2);
        return new LongConversationResult(latencies.Count, errors, Math.Round(seconds, 3),
            LatencyStats.Of(latencies.Take(window).ToList()), LatencyStats.Of(latencies.TakeLast(window).ToList()), window);
    }

    private static async Task PrintProgressAsync(string name, int total, Func<int> done, Stopwatch clock, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var count = done();
                AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(name)}: {count:N0}/{total:N0} messages · {count / clock.Elapsed.TotalSeconds:N0}/s · {clock.Elapsed.TotalSeconds:N0}s[/]");
            }
        }
        catch (OperationCanceledException)
        {
            // The scenario finished.
        }
    }
}
