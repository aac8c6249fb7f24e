using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;

namespace Qianglian.Core.Tests.Cultivation;

public class SrdiGradientTests
{
    private static SubjectScore Innovative(decimal total, string classKey, params string[] notes) =>
        new("e", "企业", total, classKey == "pass" ? "达标" : "未达标", classKey, 1, false, [], new Dictionary<string, decimal>(), notes);

    private static ConditionOutcome Met(string name) => new(name, name, ConditionStatus.Met, 1, "", null, name + " 满足");
    private static ConditionOutcome Failed(string text) => new("f", "f", ConditionStatus.Failed, 0, "", "x", text);

    [Fact]
    public void The_level_above_the_one_held_is_open_when_its_conditions_are_met()
    {
        var a = SrdiGradient.Assess(GradientLevel.InnovativeSme, Innovative(75, "pass"), [Met("细分市场")], [Failed("研发费用占比 2.4%，需 ≥ 3%")]);
        Assert.Equal(GradientLevel.SrdiSme, a.CanApplyFor);
        Assert.Equal("可申报专精特新中小企业", a.Summary);
    }

    [Fact]
    public void For_the_next_level_every_failing_condition_is_named()
    {
        var a = SrdiGradient.Assess(GradientLevel.SrdiSme, Innovative(75, "pass"), [Met("x")], [Failed("研发费用占比 2.4%，需 ≥ 3%：研发费用需增加 60万元"), Failed("资产负债率 78%")]);
        Assert.Equal(GradientLevel.None, a.CanApplyFor);
        Assert.Equal(GradientLevel.LittleGiant, a.Next);
        Assert.Contains("研发费用需增加 60万元", a.Summary);
        Assert.Contains("资产负债率 78%", a.Summary);
    }

    [Fact]
    public void An_enterprise_without_a_level_is_assessed_against_the_100_point_scheme()
    {
        var fails = SrdiGradient.Assess(GradientLevel.None, Innovative(65, "", "“创新能力”得分 15，低于最低要求 20"), [], []);
        Assert.Equal(GradientLevel.None, fails.CanApplyFor);
        Assert.Contains("创新能力", fails.Summary);
        Assert.Equal(GradientLevel.InnovativeSme, SrdiGradient.Assess(GradientLevel.None, Innovative(60, "pass"), [], []).CanApplyFor);
    }

    [Fact]
    public void A_little_giant_has_no_next_level() =>
        Assert.Null(SrdiGradient.Assess(GradientLevel.LittleGiant, Innovative(90, "pass"), [], []).Next);
}
