using System.Diagnostics;
using Assistant.Core.Knowledge.Ingestion;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>
/// Shows ingestion progress: a live bar on a terminal, a line every two seconds when output is redirected (CI logs),
/// so long runs never look hung.
/// </summary>
internal static class ProgressPrinter
{
    public static async Task<IngestionReport> RunAsync(string label, Func<IProgress<IngestionProgress>, Task<IngestionReport>> ingest)
    {
        var clock = Stopwatch.StartNew();
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            IngestionReport? report = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(label);
                    report = await ingest(new Progress<IngestionProgress>(tick =>
                    {
                        task.MaxValue = tick.Total ?? Math.Max(task.MaxValue, tick.Processed);
                        task.Value = tick.Processed;
                        task.Description = $"{label} {Describe(tick, clock.Elapsed)}";
                    }));
                    task.Value = task.MaxValue;
                });
            return report!;
        }

        var lastPrint = TimeSpan.Zero;
        return await ingest(new SynchronousProgress(tick =>
        {
            if (clock.Elapsed - lastPrint < TimeSpan.FromSeconds(2))
            {
                return;
            }
            lastPrint = clock.Elapsed;
            Console.WriteLine($"  {label} {Describe(tick, clock.Elapsed)}");
        }));
    }

    private static string Describe(IngestionProgress tick, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? tick.Processed / elapsed.TotalSeconds : 0;
        var total = tick.Total is { } count ? $"/{count:N0}" : "";
        return $"{tick.Processed:N0}{total} files · {tick.ChunksWritten:N0} chunks · {rate:N0} files/s · {tick.Skipped} skipped";
    }

    private sealed class SynchronousProgress(Action<IngestionProgress> report) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => report(value);
    }
}
