using System.Diagnostics;
using Assistant.Core.Retrieval.Vectors;
using Spectre.Console;

namespace Assistant.Cli;

/// <summary>
/// Shows the embedding phase that follows the keyword phase of an ingest: a live bar on a terminal, a line every two
/// seconds when output is redirected. Search already works when this starts; it only adds meaning-based matches.
/// </summary>
internal static class EmbeddingProgressPrinter
{
    public static async Task<EmbeddingStatus> RunAsync(Func<IProgress<EmbeddingStatus>, Task<EmbeddingStatus>> embed)
    {
        var clock = Stopwatch.StartNew();
        EmbeddingStatus status;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            EmbeddingStatus? final = null;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("Embedding");
                    final = await embed(new Progress<EmbeddingStatus>(tick =>
                    {
                        task.MaxValue = Math.Max(tick.Total, 1);
                        task.Value = tick.Embedded;
                        task.Description = $"Embedding {Describe(tick)}";
                    }));
                    task.Value = task.MaxValue;
                });
            status = final!;
        }
        else
        {
            var lastPrint = TimeSpan.Zero;
            status = await embed(new SynchronousProgress(tick =>
            {
                if (clock.Elapsed - lastPrint < TimeSpan.FromSeconds(2))
                {
                    return;
                }
                lastPrint = clock.Elapsed;
                Console.WriteLine($"  Embedding {Describe(tick)}");
            }));
        }
        AnsiConsole.MarkupLine($"[bold]Embedded[/] {status.Embedded:N0}/{status.Total:N0} chunks with {Markup.Escape(status.Model)} in {clock.Elapsed.TotalSeconds:F1}s.");
        return status;
    }

    private static string Describe(EmbeddingStatus status) =>
        $"{status.Embedded:N0}/{status.Total:N0} chunks · {status.PassagesPerSecond:N1} passages/s · {Markup.Escape(status.Model)}";

    private sealed class SynchronousProgress(Action<EmbeddingStatus> report) : IProgress<EmbeddingStatus>
    {
        public void Report(EmbeddingStatus value) => report(value);
    }
}
