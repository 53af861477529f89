using System.Diagnostics;

namespace Assistant.Gateway.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; returns how long that took, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not true within {timeout.TotalSeconds} s: {what}");
            }
            await Task.Delay(50);
        }
        return clock.Elapsed;
    }
}
