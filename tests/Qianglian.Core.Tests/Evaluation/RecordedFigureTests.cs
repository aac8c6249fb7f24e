using Qianglian.Core.Evaluation;

namespace Qianglian.Core.Tests.Evaluation;

/// <summary>The figures read from what the office records: 黔江 24 "逐年提升" and 安康 三 百亿级首位产业.</summary>
public class RecordedFigureTests
{
    [Theory]
    [InlineData(11.2, 10.5, 0.7)]    // a rise
    [InlineData(9.0, 10.0, -1.0)]    // a fall is shown as a fall, not clipped to zero
    public void A_yearly_rise_is_the_change_in_points(double now, double before, double points) =>
        Assert.Equal((decimal)points, YearlyRise.Points((decimal)now, (decimal)before));

    [Fact]
    public void A_missing_year_gives_no_rise_rather_than_a_rise_from_zero()
    {
        Assert.Null(YearlyRise.Points(12m, null));
        Assert.Null(YearlyRise.Points(null, 12m));
    }

    [Fact]
    public void Only_industries_reaching_a_hundred_yi_count_each_once()
    {
        var reached = LeadingIndustries.AtHundredBillion([("富硒食品", 120m), ("新型材料", 99.9m), ("富硒食品 ", 130m), ("装备制造", 100m)]);
        Assert.Equal(["富硒食品", "装备制造"], reached);
    }
}
