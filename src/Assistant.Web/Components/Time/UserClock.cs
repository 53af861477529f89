using System.Globalization;

namespace Assistant.Web.Components.Time;

/// <summary>
/// Shows times in the user's own time zone, in one format everywhere ("1 December 2026, 10:28", matching the dates
/// the tools write). The browser reports its zone in a cookie (wwwroot/chat.js sets it on every page); the cookie
/// arrives with the page request and with the request that opens the interactive circuit, so both renders agree.
/// </summary>
public sealed class UserClock
{
    public const string CookieName = "assistant.tz";

    public const string Format = "d MMMM yyyy, HH:mm";

    public UserClock(IHttpContextAccessor accessor)
    {
        var name = accessor.HttpContext?.Request.Cookies[CookieName];
        Zone = name is not null && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset ToUser(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public string Show(DateTimeOffset at) => ToUser(at).ToString(Format, CultureInfo.InvariantCulture);
}
