using Qianglian.Core.Cultivation;

namespace Qianglian.Core.Tests.Cultivation;

public class ChainLeaderGrowthTests
{
    private const decimal Yi = 100_000_000m;

    [Fact]
    public void Twenty_percent_exactly_meets_the_target_and_one_yuan_less_does_not()
    {
        var years = ChainLeaderGrowth.Track(new Dictionary<int, decimal> { [2022] = 10 * Yi, [2023] = 12 * Yi, [2024] = 14.4m * Yi - 1 }, 2023, 2024, 0.20m);
        Assert.Equal(new GrowthYear(2023, 10 * Yi, 12 * Yi, 0.2m, 12 * Yi, true, null), years[0]);
        Assert.False(years[1].Met);
        Assert.Equal(14.4m * Yi, years[1].Required);
        Assert.True(years[1].Growth < 0.2m);
    }

    [Fact]
    public void A_missing_or_zero_year_is_named_not_judged()
    {
        var years = ChainLeaderGrowth.Track(new Dictionary<int, decimal> { [2022] = 0m, [2023] = 5 * Yi, [2025] = 9 * Yi }, 2023, 2025, 0.20m);
        Assert.Equal((null, "2022年产值为0，无法计算增速"), (years[0].Met, years[0].Missing));
        Assert.Equal((null, "缺少2024年产值"), (years[1].Met, years[1].Missing));
        Assert.Equal(6 * Yi, years[1].Required);
        Assert.Equal((null, "缺少2024年产值"), (years[2].Met, years[2].Missing));
    }

    [Fact]
    public void A_fall_in_output_is_negative_growth()
    {
        Assert.Equal(-0.25m, ChainLeaderGrowth.Growth(8 * Yi, 6 * Yi));
        Assert.Null(ChainLeaderGrowth.Growth(null, 6 * Yi));
    }
}
