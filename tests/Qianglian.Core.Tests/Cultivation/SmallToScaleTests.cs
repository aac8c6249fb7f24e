using Qianglian.Core.Cultivation;

namespace Qianglian.Core.Tests.Cultivation;

public class SmallToScaleTests
{
    [Fact]
    public void Growth_that_crosses_2000_wan_within_the_horizon_enters_the_pool()
    {
        var p = SmallToScale.Project(true, 2024, 16_000_000, 12_800_000, null, SmallToScaleSettings.Default);   // +25%
        Assert.True(p.InPool);
        Assert.Equal(0.25m, p.Growth);
        Assert.Equal(2025, p.CrossesIn);
        Assert.Equal(20_000_000m, p.Projected[0].Revenue);   // exactly 2000万元 counts ("以上" includes it)
    }

    [Fact]
    public void Two_years_of_growth_are_averaged()
    {
        var p = SmallToScale.Project(true, 2024, 15_000_000, 15_000_000, 10_000_000, SmallToScaleSettings.Default);   // 0% and 50%
        Assert.Equal(0.25m, p.Growth);
        Assert.Equal(18_750_000m, p.Projected[0].Revenue);
        Assert.Equal(2026, p.CrossesIn);
    }

    [Fact]
    public void Slow_growth_non_industrial_and_above_scale_enterprises_stay_out()
    {
        Assert.False(SmallToScale.Project(true, 2024, 10_000_000, 9_900_000, null, SmallToScaleSettings.Default).InPool);
        Assert.Equal("非工业企业", SmallToScale.Project(false, 2024, 19_000_000, 10_000_000, null, SmallToScaleSettings.Default).Reason);
        Assert.Equal("已达规上标准", SmallToScale.Project(true, 2024, 20_000_000, 10_000_000, null, SmallToScaleSettings.Default).Reason);
        Assert.Contains("缺少上年数据", SmallToScale.Project(true, 2024, 19_000_000, null, null, SmallToScaleSettings.Default).Reason);
    }

    [Fact]
    public void Net_new_is_entries_minus_exits()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal((2, 1, 1), SmallToScale.NetNew(new HashSet<Guid> { a, b, c }, new HashSet<Guid> { a, d }));
    }
}
