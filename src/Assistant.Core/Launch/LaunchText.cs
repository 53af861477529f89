using System.Globalization;

namespace Assistant.Core.Launch;

/// <summary>How evidence is written in details: UTC times and invariant numbers, the same for every reader.</summary>
public static class LaunchText
{
    public static string At(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Count(int count, string one, string many) => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
