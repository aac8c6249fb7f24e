namespace Qianglian.Web.Components.Shared;

/// <summary>Shows UTC instants in China Standard Time (Asia/Shanghai), as officials read them.</summary>
public static class TimeDisplay
{
    private static readonly TimeZoneInfo China = FindChina();

    public static string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China).ToString("yyyy-MM-dd HH:mm");

    /// <summary>The calendar day in China of an instant: business dates (deadlines, validity) are judged on it.</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, China).DateTime);

    private static TimeZoneInfo FindChina()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time"); }
    }
}
