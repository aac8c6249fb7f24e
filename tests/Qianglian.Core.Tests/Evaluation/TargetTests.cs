using Qianglian.Core.Evaluation;

namespace Qianglian.Core.Tests.Evaluation;

public class TargetTests
{
    [Theory]
    [InlineData(">", 100, null, 100, false)]   // 黔江: 规上企业超过100家 — 100 is not "over 100"
    [InlineData(">", 100, null, 101, true)]
    [InlineData(">=", 400, null, 400, true)]
    [InlineData("<=", 70, null, 71, false)]  // 安康: 审批时限 70 个工作日以内
    [InlineData("between", 2, 3.0, 3, true)]   // 达州: 每个产业链条培育2—3家链主
    [InlineData("between", 2, 3.0, 1, false)]
    public void Comparison(string comparison, double value, double? max, double actual, bool met) =>
        Assert.Equal(met, TargetRules.Meets(comparison, (decimal)value, (decimal?)max, (decimal)actual));

    [Fact]
    public void Progress_is_the_share_of_an_at_least_target()
    {
        Assert.Equal(0.25m, TargetRules.Progress(">=", 400, 100));
        Assert.Equal(1m, TargetRules.Progress(">", 100, 130));
        Assert.Null(TargetRules.Progress("<=", 70, 30));
        Assert.Null(TargetRules.Progress(">=", 0, 30));
    }

    [Fact]
    public void Linear_from_the_months_elapsed()
    {
        var p = Forecast.FromMonths(9, 3);
        Assert.Equal(36m, p.Value);
        Assert.Equal("按前3个月线性推算：9 × 12 ÷ 3 = 36", p.Method);
        Assert.Null(Forecast.FromMonths(5, 0).Value);
    }

    [Fact]
    public void Carried_forward_at_the_average_growth_of_the_last_years()
    {
        // 100 → 121 over two years is 10% a year; two more years: 121 × 1.1² = 146.41.
        var p = Forecast.FromHistory([(2022, 100), (2024, 121), (2023, 110)], 2026);
        Assert.Equal(146.41m, p.Value);
        Assert.StartsWith("按2022—2024年平均增速10%推至2026年", p.Method);
    }

    [Fact]
    public void No_forecast_without_two_years_or_from_zero()
    {
        Assert.Null(Forecast.FromHistory([(2024, 50)], 2025).Value);
        Assert.Null(Forecast.FromHistory([(2023, 0), (2024, 50)], 2025).Value);
        Assert.Equal(50m, Forecast.FromHistory([(2023, 40), (2025, 50)], 2025).Value);
    }
}
