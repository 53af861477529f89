using System.Diagnostics;

namespace Assistant.Cli.Benchmarks;

/// <summary>
/// A web host for bench overhead in a child process of this CLI ("bench overhead-host"). Meters, activity sources and
/// their listeners are process-wide, so a host with telemetry off must not share a process with one that has it on:
/// the "on" host's OpenTelemetry would listen to the "off" host's instruments too.
/// </summary>
internal sealed class OverheadHostProcess : IAsyncDisposable
{
    public const string ReadyMarker = "overhead-host listening on ";

    private readonly Process _process;

    private OverheadHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<OverheadHostProcess> StartAsync(string knowledge, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        // Run as "dotnet assistant.dll" whether this process is the apphost or dotnet itself.
        var start = new ProcessStartInfo(Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { typeof(OverheadHostProcess).Assembly.Location, "bench", "overhead-host", "--knowledge", Path.GetFullPath(knowledge) }
            .Concat(settings.SelectMany(pair => new[] { "--set", $"{pair.Key}={pair.Value}" })))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the overhead host process.");
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(ReadyMarker, StringComparison.Ordinal))
            {
                // Keep draining its output, so a chatty host never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return new OverheadHostProcess(process, new Uri(line[ReadyMarker.Length..].Trim()));
            }
        }
        throw new InvalidOperationException($"The overhead host exited ({(process.HasExited ? process.ExitCode : -1)}) before it listened.");
    }

    public async ValueTask DisposeAsync()
    {
        // Closing its input is the signal to stop; it gets a few seconds to delete its data folder.
        _process.StandardInput.Close();
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
