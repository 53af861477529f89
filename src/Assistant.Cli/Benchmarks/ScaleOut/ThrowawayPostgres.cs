using System.Diagnostics;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// A PostgreSQL cluster for one run, from infra/postgres/throwaway-cluster.sh: durable settings (fsync and synchronous
/// commit on, not --fast), since the figures are about writes that survive. Disposing stops it and deletes its folder.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _script;

    private ThrowawayPostgres(string script, string directory, string connectionString)
    {
        _script = script;
        Directory = directory;
        ConnectionString = connectionString;
    }

    public string Directory { get; }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var script = Path.Combine(repositoryRoot, "infra", "postgres", "throwaway-cluster.sh");
        // Beside the run's folder rather than in it: the cluster's owner (the postgres user, when this runs as root)
        // must be able to reach the folder, and temporary folders made for us are private.
        var directory = Path.Combine(Path.GetTempPath(), $"assistant-scale-out-pg-{Guid.NewGuid():N}");
        var (exitCode, output, error) = await RunAsync(script, ["start", directory], CancellationToken.None);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Could not start PostgreSQL ({script} start {directory}): {error.Trim()}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new ThrowawayPostgres(script, directory, output.Trim());
    }

    public async ValueTask DisposeAsync() => await RunAsync(_script, ["stop", Directory], CancellationToken.None);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
