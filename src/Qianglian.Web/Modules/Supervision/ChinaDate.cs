namespace Qianglian.Web.Modules.Supervision;

/// <summary>Today's date where the officials are (Asia/Shanghai), from the host's clock: deadlines are business dates.</summary>
public static class ChinaDate
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);   // China keeps no daylight saving

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
