using System.Globalization;

namespace Assistant.Cli.Benchmarks.ScaleOut;

/// <summary>A process's CPU time from /proc/PID/stat (Linux), to see when a replica's start-up work has finished.</summary>
internal static class ProcessCpu
{
    // USER_HZ: the kernel reports utime and stime in clock ticks of 1/100 s on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static double? Seconds(int processId)
    {
        var path = $"/proc/{processId}/stat";
        try
        {
            var stat = File.ReadAllText(path);
            // The command name (field 2) may hold spaces; fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / TicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
