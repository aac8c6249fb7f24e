using Qianglian.Core.Incentives;
using static Qianglian.Core.Tests.Incentives.SeedRules;

namespace Qianglian.Core.Tests.Incentives;

/// <summary>西区 七: a forecast never assumes the renovation direction that pays most (issue 14 item 8).</summary>
public class UndeclaredDirectionTests
{
    private static readonly string[] ChainLeader = ["ChainLeader"];

    [Fact]
    public void Without_a_declared_direction_the_case_qualifies_but_its_amount_stays_open_with_the_range()
    {
        var result = UndeclaredDirection.Evaluate(Xiqu7, c => Project(equipmentWan: 3000, flags: ChainLeader, category: c));
        Assert.True(result.Eligible);
        Assert.Null(result.Ceiling); // not 240万元 (智改数转 8%, capped at 250)
        Assert.Null(result.Explanation.Formula);
        Assert.Equal(UndeclaredDirection.Conclusion, result.Explanation.Conclusion);
        Assert.Contains(result.Explanation.Notes, n => n.Contains("按方向90万元至240万元"));
        Assert.Contains(result.Explanation.Inputs, i => i is { Label: "类别", Value: "未声明" });
    }

    [Fact]
    public void A_case_that_qualifies_under_no_direction_keeps_its_reasons()
    {
        var result = UndeclaredDirection.Evaluate(Xiqu7, c => Project(equipmentWan: 1500, flags: ChainLeader, category: c));
        Assert.False(result.Eligible);
        Assert.Contains(result.Reasons, r => r.Contains("2,000万元"));
    }

    [Fact]
    public void A_measure_without_directions_is_evaluated_as_it_is()
    {
        var plain = UndeclaredDirection.Evaluate(Xiqu6, c => Project(equipmentWan: 8000, newOutputWan: 3000, flags: ChainLeader, category: c));
        Assert.Equal(IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 3000, flags: ChainLeader)).Ceiling, plain.Ceiling);
    }
}
