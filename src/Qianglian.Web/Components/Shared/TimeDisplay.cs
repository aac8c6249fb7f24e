namespace Qianglian.Web.Components.Shared;

/// <summary>Shows UTC instants in China Standard Time, as officials read them (dates: <see cref="BusinessDate"/>).</summary>
public static class TimeDisplay
{
    public static string Format(DateTimeOffset at) => BusinessDate.LocalTime(at).ToString("yyyy-MM-dd HH:mm");
}
