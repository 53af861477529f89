using System.Globalization;

namespace Assistant.Core.Insights;

/// <summary>
/// Whole UTC days from <see cref="From"/> to <see cref="To"/>, both included. Days are UTC so every reader of the API
/// gets the same numbers for the same dates, whatever their time zone.
/// </summary>
public sealed record InsightsRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;
    public const int DefaultDays = 7;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of the same length just before this one: the reference for drift and "trending down".</summary>
    public InsightsRange Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, Days).Select(From.AddDays);

    /// <summary>The last <see cref="DefaultDays"/> days up to and including <paramref name="today"/>.</summary>
    public static InsightsRange LastDays(DateOnly today, int days = DefaultDays) => new(today.AddDays(1 - days), today);

    /// <summary>
    /// Reads "from" and "to" as yyyy-MM-dd; either may be left out (to defaults to today, from to a week before to).
    /// Problems are keyed by parameter name, for a 400 that says which one is wrong.
    /// </summary>
    public static (InsightsRange? Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Read(string name, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            errors[name] = [$"'{text}' is not a date; use yyyy-MM-dd, e.g. {today:yyyy-MM-dd}."];
            return null;
        }
        var end = Read("to", to);
        var start = Read("from", from);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var last = end ?? today;
        var range = new InsightsRange(start ?? last.AddDays(1 - DefaultDays), last);
        if (range.From > range.To)
        {
            errors["from"] = [$"'from' ({range.From:yyyy-MM-dd}) is after 'to' ({range.To:yyyy-MM-dd})."];
        }
        else if (range.Days > MaxDays)
        {
            errors["to"] = [$"The range covers {range.Days} days; at most {MaxDays} are allowed."];
        }
        return errors.Count > 0 ? (null, errors) : (range, errors);
    }
}
