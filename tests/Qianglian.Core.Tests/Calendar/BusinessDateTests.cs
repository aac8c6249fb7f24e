using Qianglian.Core.Calendar;

namespace Qianglian.Core.Tests.Calendar;

public sealed class BusinessDateTests
{
    [Fact]
    public void The_business_date_turns_at_midnight_in_Beijing_not_in_Greenwich()
    {
        // 16:00 UTC on 31 December is already 1 January in Beijing.
        Assert.Equal(new DateOnly(2026, 1, 1), BusinessDate.Of(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 12, 31), BusinessDate.Of(new DateTimeOffset(2025, 12, 31, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void An_instant_given_in_another_offset_is_the_same_business_date()
    {
        var at = new DateTimeOffset(2026, 3, 8, 23, 30, 0, TimeSpan.FromHours(-5)); // 12:30 on 9 March in Beijing
        Assert.Equal(new DateOnly(2026, 3, 9), BusinessDate.Of(at));
        Assert.Equal(new DateTime(2026, 3, 9, 12, 30, 0), BusinessDate.LocalTime(at));
    }
}
