using Qianglian.Core.Notifications;

namespace Qianglian.Core.Tests.Notifications;

public class ReminderMomentsTests
{
    [Theory]
    [InlineData(10, false, 3, null)]      // outside the window
    [InlineData(3, false, 3, ReminderMoment.Before)]
    [InlineData(1, false, 3, ReminderMoment.Before)]
    [InlineData(1, false, 0, null)]       // no early reminder configured
    [InlineData(0, false, 3, ReminderMoment.OnDay)]
    [InlineData(-2, false, 3, ReminderMoment.Overdue)]
    [InlineData(4, true, 3, ReminderMoment.Overdue)]   // the module's overdue flag wins (a problem past its level's hour)
    public void An_item_is_in_one_moment(int left, bool overdue, int window, ReminderMoment? expected) =>
        Assert.Equal(expected, ReminderMoments.Current(left, overdue, window));

    [Fact]
    public void An_item_without_a_due_date_is_reminded_only_when_overdue()
    {
        Assert.Null(ReminderMoments.Current(null, false, 3));
        Assert.Equal(ReminderMoment.Overdue, ReminderMoments.Current(null, true, 3));
    }

    [Fact]
    public void The_wait_doubles_after_each_failure_up_to_the_cap_and_the_delivery_is_given_up_after_the_last_attempt()
    {
        var first = TimeSpan.FromMinutes(1);
        var max = TimeSpan.FromMinutes(10);
        Assert.Equal([1, 2, 4, 8, 10, 10], Enumerable.Range(1, 6).Select(n => RetryBackoff.After(n, first, max).TotalMinutes));
        Assert.False(RetryBackoff.GiveUp(5, 6));
        Assert.True(RetryBackoff.GiveUp(6, 6));
    }
}
