using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class DispatchTests
{
    private static readonly DispatchRules Qianjiang = new(1, 10);

    [Fact]
    public void A_month_is_due_on_the_given_day_of_the_next_month()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), Dispatch.DueDate(2026, 3, Qianjiang));
        Assert.Equal(new DateOnly(2027, 1, 5), Dispatch.DueDate(2026, 12, DispatchRules.Default));
        Assert.Equal(ReportState.OnTime, Dispatch.StateOf(2026, 3, new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), Qianjiang));
        Assert.Equal(ReportState.Late, Dispatch.StateOf(2026, 3, new DateOnly(2026, 4, 2), new DateOnly(2026, 5, 1), Qianjiang));
        Assert.Equal(ReportState.Overdue, Dispatch.StateOf(2026, 3, null, new DateOnly(2026, 4, 2), Qianjiang));
        Assert.Equal(ReportState.NotDue, Dispatch.StateOf(2026, 3, null, new DateOnly(2026, 4, 1), Qianjiang));
    }

    [Fact]
    public void Projects_report_for_the_months_they_were_under_construction()
    {
        var start = new DateOnly(2026, 3, 20);
        Assert.False(Dispatch.MustReport(start, null, null, 2026, 2));
        Assert.True(Dispatch.MustReport(start, null, null, 2026, 3));
        Assert.True(Dispatch.MustReport(start, new DateOnly(2026, 6, 10), null, 2026, 6));
        Assert.False(Dispatch.MustReport(start, new DateOnly(2026, 6, 10), null, 2026, 7));
        Assert.False(Dispatch.MustReport(null, null, null, 2026, 7));
        Assert.False(Dispatch.MustReport(start, null, new DateOnly(2026, 4, 30), 2026, 5));
    }

    [Fact]
    public void A_report_for_a_future_month_or_above_the_total_is_refused()
    {
        var today = new DateOnly(2026, 5, 20);
        Assert.Equal("month", Assert.Single(Dispatch.Check(2026, 6, today, 0, 0, 1_000_000, null)).Field);
        Assert.Empty(Dispatch.Check(2026, 5, today, 100, 0, 1_000_000, 50));
        var above = Assert.Single(Dispatch.Check(2026, 4, today, 300_000, 800_000, 1_000_000, null));
        Assert.Contains("累计完成投资110万元将超过总投资100万元", above.Message);
        Assert.Equal(["monthInvestment", "progressPercent"], Dispatch.Check(2026, 4, today, -1, 0, 0, 101).Select(e => e.Field));
    }
}
