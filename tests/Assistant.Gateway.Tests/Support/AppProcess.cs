using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Assistant.Gateway.Tests.Support;

/// <summary>
/// One of our ASP.NET Core apps run as its own process from its build output (`dotnet X.dll`), as an operator runs
/// it: on 127.0.0.1 with a dynamic port, its JSON log lines collected from stdout.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private bool _disposed;

    private AppProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => { if (line.Data is not null) { _lines.Enqueue(line.Data); } };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { _lines.Enqueue(line.Data); } };
    }

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<string> Lines => _lines.ToList();

    /// <summary>Starts src/<paramref name="project"/>'s build output (same configuration as the tests) and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(string project, IEnumerable<string> arguments, TimeSpan startTimeout)
    {
        var dll = Path.Combine(RepositoryRoot, "src", project, "bin", BuildConfiguration, "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first (dotnet build Assistant.sln -c {BuildConfiguration}).");
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var app = new AppProcess(Process.Start(start)!);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var listening = await app.WaitForLogAsync(entry => Message(entry).StartsWith("Now listening on: ", StringComparison.Ordinal), startTimeout, $"{project} listening");
        app.Address = new Uri(Message(listening)["Now listening on: ".Length..]);
        return app;
    }

    /// <summary>The first JSON log line matching <paramref name="match"/>; fails with the output so far after the timeout.</summary>
    public async Task<JsonElement> WaitForLogAsync(Func<JsonElement, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var line in _lines)
            {
                if (TryParse(line) is { } entry && match(entry))
                {
                    return entry;
                }
            }
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No log line for: {what} (exited: {_process.HasExited}). Output:\n{string.Join('\n', _lines.TakeLast(40))}");
            }
            await Task.Delay(50);
        }
    }

    public static string Message(JsonElement entry) => entry.TryGetProperty("Message", out var message) ? message.GetString() ?? "" : "";

    public static JsonElement? TryParse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    // The tests run from tests/X/bin/<Configuration>/net10.0/: the apps were built in the same configuration.
    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Assistant.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
