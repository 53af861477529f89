using Spectre.Console;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// One run: stand up PostgreSQL, the replicas and the gateway; warm up; drive the users for the measured time,
/// killing the last replica (SIGKILL) part-way when asked and watching the gateway take it out; then check the
/// database against what the users were told. Everything started is stopped at the end, also on failure or Ctrl+C.
/// </summary>
internal sealed class ScaleOutRun(ScaleOutSettings settings, LoadQuestions questions)
{
    public async Task<ScaleOutRunResult> RunAsync(int replicas, bool kill, bool keep, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory($"assistant-scale-out-{replicas}r-").FullName;
        var failed = false;
        try
        {
            await using var stack = await ScaleOutStack.StartAsync(replicas, settings, work, cancellationToken);
            var log = new RequestLog();
            var ledger = new WriteLedger();
            using var drive = new ScaleOutDrive(stack.Gateway!.Address, settings, questions, log, ledger);
            await drive.SignInAsync(cancellationToken);
            log.Restart();
            if (settings.WarmUp > TimeSpan.Zero)
            {
                AnsiConsole.MarkupLine($"  warming up for {settings.WarmUp.TotalSeconds:N0}s (not measured)...");
                await DriveAsync(drive, log, settings.WarmUp, cancellationToken);
            }

            var databaseBefore = await DatabaseActivity.ReadAsync(stack.Postgres!.ConnectionString, cancellationToken);
            log.Restart();
            using var watch = new RoutingWatch(stack.Gateway.Address, log);
            AnsiConsole.MarkupLine($"  measuring for {settings.Duration.TotalSeconds:N0}s: {settings.ChatUsers} chatting, {settings.ActionUsers} asking for actions, {settings.Staff} approving" +
                (kill ? $"; killing {stack.Replicas[^1].Name} after {settings.KillAt.TotalSeconds:N0}s" : ""));
            var driving = DriveAsync(drive, log, settings.Duration, cancellationToken);
            var report = kill ? await KillAsync(stack.Replicas[^1], watch, log, cancellationToken) : null;
            await driving;

            var records = log.Snapshot();
            var end = settings.Duration.TotalSeconds;
            var database = DatabaseActivity.Between(databaseBefore, await DatabaseActivity.ReadAsync(stack.Postgres.ConnectionString, cancellationToken),
                end, records.Count(r => r.Ok && r.Kind == RequestRecord.Answer));
            var phases = PhaseSplitter.Split(records, end, report?.KilledAtSeconds, report?.SettledAtSeconds);
            var failures = report is null ? null : KillFailures.Of(records, report.KilledAtSeconds, report.SettledAtSeconds);
            var attempts = ByReplica(await watch.AttemptsAsync(cancellationToken), stack.Replicas);
            AnsiConsole.MarkupLine("  checking the database...");
            var checks = await DatabaseChecks.RunAsync(stack.Postgres!.ConnectionString, ledger, cancellationToken);
            return new ScaleOutRunResult(replicas, report, failures, phases, PhaseSplitter.Stats("total", records, 0, end, last: true),
                attempts, Writes(ledger), checks, ScaleOutTargets.Of(phases, report, failures, checks), Timeline.Of(records, end), null, database);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep the logs of a run that broke; a cancelled one (Ctrl+C) leaves nothing behind.
            failed = true;
            throw;
        }
        finally
        {
            if (keep || failed)
            {
                AnsiConsole.MarkupLine($"  logs and data folders kept in {Markup.Escape(work)}");
            }
            else
            {
                TryDelete(work);
            }
        }
    }

    private static async Task DriveAsync(ScaleOutDrive drive, RequestLog log, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        // Requests in flight at the stop get to finish; ones that hang past their own timeout are cut here.
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        abort.CancelAfter(duration + TimeSpan.FromSeconds(90));
        var progress = ProgressAsync(log, duration, stop.Token);
        await drive.RunAsync(stop.Token, abort.Token);
        await progress;
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<KillReport> KillAsync(ServiceProcess victim, RoutingWatch watch, RequestLog log, CancellationToken cancellationToken)
    {
        await Task.Delay(settings.KillAt, cancellationToken);
        var before = (await watch.AttemptsAsync(cancellationToken)).GetValueOrDefault(victim.Name);
        var killedAt = log.Now;
        victim.Kill();
        AnsiConsole.MarkupLine($"  [bold]killed {victim.Name}[/] (SIGKILL, pid {victim.Id}) at {killedAt:F1}s; watching the gateway...");
        var report = await watch.WatchAsync(victim.Name, killedAt, before, cancellationToken);
        AnsiConsole.MarkupLine($"  gateway took {victim.Name} out after {(report.EjectedAfterSeconds is { } e ? $"{e:F1}s" : "(never)")}; " +
            $"last request sent to it after {report.LastRoutedAfterSeconds:F1}s");
        return report;
    }

    private static async Task ProgressAsync(RequestLog log, TimeSpan duration, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var records = log.Snapshot();
                AnsiConsole.MarkupLine($"  [grey]{log.Now:N0}/{duration.TotalSeconds:N0}s: {records.Count(r => r.Ok && r.Kind == RequestRecord.Answer):N0} answers, " +
                    $"{records.Count:N0} requests, {records.Count(r => !r.Ok):N0} failed[/]");
            }
        }
        catch (OperationCanceledException)
        {
            // The measured time is over.
        }
    }

    /// <summary>Attempts per replica process: with fewer replicas than the gateway's configured destinations, the spare destinations point at replica 1.</summary>
    private static IReadOnlyDictionary<string, double> ByReplica(IReadOnlyDictionary<string, double> attempts, IReadOnlyList<ServiceProcess> replicas) =>
        attempts.GroupBy(pair => replicas.Any(r => r.Name == pair.Key) ? pair.Key : replicas[0].Name)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(pair => pair.Value));

    private static IReadOnlyDictionary<string, int> Writes(WriteLedger ledger) => new Dictionary<string, int>
    {
        ["conversations"] = ledger.Conversations.Count,
        ["messagesAccepted"] = ledger.Messages.Count(m => m.MessageId is not null),
        ["messagesFailed"] = ledger.Messages.Count(m => m.MessageId is null),
        ["actionsProposed"] = ledger.Proposed.Count,
        ["actionsConfirmed"] = ledger.Confirmed.Count,
        ["actionsApproved"] = ledger.Approved.Count,
        ["seenExecuted"] = ledger.Confirmed.Concat(ledger.Approved).Count(d => d.Status == "executed"),
    };

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing the run for.
        }
    }
}
