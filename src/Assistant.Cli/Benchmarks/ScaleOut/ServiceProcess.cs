using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>
/// One of our ASP.NET Core apps as its own process (`dotnet X.dll`), as an operator runs it: on 127.0.0.1 with a
/// port the system picks, its output written to a log file, its address read from its "Now listening on" line.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _tail = new();

    private ServiceProcess(string name, Process process, string logPath)
    {
        Name = name;
        LogPath = logPath;
        _process = process;
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public Uri Address => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException($"{Name} is not listening yet.");

    public static ServiceProcess Start(string name, string dll, string workingDirectory, string logPath, IEnumerable<string> arguments)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first (dotnet build Assistant.sln -c Release).", dll);
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process, logPath);
        process.OutputDataReceived += (_, line) => service.Received(line.Data);
        process.ErrorDataReceived += (_, line) => service.Received(line.Data);
        process.Exited += (_, _) => service._listening.TrySetException(
            new InvalidOperationException($"{name} exited before it listened. The end of {logPath}:\n{service.Tail()}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    public Task<Uri> ListeningAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _listening.Task.WaitAsync(timeout, cancellationToken);

    /// <summary>SIGKILL: the process gets no chance to finish requests or close connections, as when a host dies.</summary>
    public void Kill() => _process.Kill();

    /// <summary>CPU seconds the process has used so far (user and system), from /proc; null where there is none.</summary>
    public double? CpuSeconds() => HasExited ? null : ProcessCpu.Seconds(_process.Id);

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _tail);
        }
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line.Length > 400 ? line[..400] : line);
            if (_tail.Count > 20)
            {
                _tail.Dequeue();
            }
        }
        if (!_listening.Task.IsCompleted && Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    // Plain console logs and JSON logs both carry the address after this phrase.
    [GeneratedRegex(@"Now listening on: (http://[0-9.:]+)")]
    private static partial Regex Listening();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        lock (_gate)
        {
            _log.Dispose();
        }
        _process.Dispose();
    }
}
