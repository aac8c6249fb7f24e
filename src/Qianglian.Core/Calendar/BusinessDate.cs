namespace Qianglian.Core.Calendar;

/// <summary>
/// The business date: every deadline, report date and "today" of the seeds is a date in Beijing. China Standard Time
/// is UTC+8 all year (no daylight saving since 1991), so the date needs no time-zone database on the host.
/// </summary>
public static class BusinessDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The Beijing date at an instant.</summary>
    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today's Beijing date by the host's clock.</summary>
    public static DateOnly Today(TimeProvider clock) => Of(clock.GetUtcNow());

    /// <summary>The Beijing wall-clock time at an instant, for display.</summary>
    public static DateTime LocalTime(DateTimeOffset at) => at.ToOffset(Offset).DateTime;
}
