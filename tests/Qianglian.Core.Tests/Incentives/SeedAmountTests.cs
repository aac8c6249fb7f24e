using Qianglian.Core.Enterprises;
using Qianglian.Core.Incentives;
using static Qianglian.Core.Tests.Incentives.SeedRules;

namespace Qianglian.Core.Tests.Incentives;

/// <summary>The amounts issue 5 lists, each computed by the configured rule (amounts in 万元).</summary>
public class SeedAmountTests
{
    private static decimal? CeilingWan(MeasureTerms m, CaseFacts f) => IncentiveCalculator.Evaluate(m, f).Ceiling / Wan;

    [Fact]
    public void Xiqu_6_equipment_8000_gives_240() =>
        Assert.Equal(240m, CeilingWan(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 2000)));

    [Fact]
    public void Xiqu_6_equipment_20000_is_capped_at_500() =>
        Assert.Equal(500m, CeilingWan(Xiqu6, Project(equipmentWan: 20000, newOutputWan: 5000, flags: ["MajorLeading"])));

    [Fact]
    public void Xiqu_6_new_scale_1999_is_not_eligible_and_says_why()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 1999));
        Assert.False(result.Eligible);
        Assert.Null(result.Ceiling);
        var reason = Assert.Single(result.Reasons);
        Assert.Contains("新增生产规模 1,999万元 未达到 2,000万元", reason);
    }

    [Fact]
    public void Xiqu_6_late_completion_is_not_eligible()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 3000, onSchedule: false));
        Assert.False(result.Eligible);
        Assert.Contains("未如期建成投产", Assert.Single(result.Reasons));
    }

    [Fact]
    public void Xiqu_6_needs_a_chain_leader_or_major_leading_project()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 3000, flags: ["StandardLand"]));
        Assert.Contains("项目不是链主项目或重大带动引领项目", Assert.Single(result.Reasons));
    }

    [Theory]
    [InlineData("整体升级改造", 2500, 75)]
    [InlineData("环保技改", 2000, 100)]
    [InlineData("安全生产技改", 3000, 150)]
    [InlineData("智改数转", 2800, 224)]
    [InlineData("智改数转", 5000, 250)]
    public void Xiqu_7_rate_by_direction_capped_at_250(string category, decimal equipmentWan, decimal expectedWan) =>
        Assert.Equal(expectedWan, CeilingWan(Xiqu7, Project(equipmentWan: equipmentWan, category: category)));

    [Fact]
    public void Xiqu_7_equipment_1999_99_is_not_eligible()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu7, Project(equipmentWan: 1999.99m, category: "智改数转"));
        Assert.False(result.Eligible);
        Assert.Contains("设备（含软件）投资 1,999.99万元 未达到 2,000万元（“以上”含本数）", Assert.Single(result.Reasons));
    }

    [Fact]
    public void Xiqu_7_equipment_exactly_2000_is_eligible_because_yishang_includes_the_number() =>
        Assert.Equal(100m, CeilingWan(Xiqu7, Project(equipmentWan: 2000, category: "环保技改")));

    [Fact]
    public void Xiqu_7_a_category_not_in_the_measure_is_refused_naming_the_categories()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu7, Project(equipmentWan: 3000, category: "节能改造"));
        Assert.False(result.Eligible);
        Assert.Contains("“节能改造”不是本措施所列类别（整体升级改造3%、环保技改5%、安全生产技改5%、智改数转8%）", Assert.Single(result.Reasons));
    }

    [Theory]
    [InlineData(20000, 1600)]
    [InlineData(50000, 2500)]
    public void Xiqu_8_strategic_resource_8_percent_of_total_capped_at_2500(decimal totalWan, decimal expectedWan) =>
        Assert.Equal(expectedWan, CeilingWan(Xiqu8, Project(totalWan: totalWan, flags: ["StrategicResource"])));

    [Fact]
    public void Xiqu_8_needs_a_strategic_resource_project() =>
        Assert.False(IncentiveCalculator.Evaluate(Xiqu8, Project(totalWan: 20000, flags: ["ChainLeader"])).Eligible);

    [Theory]
    [InlineData(3000, 300)]
    [InlineData(6000, 500)]
    public void Ankang_2_sme_key_equipment_10_percent_capped_at_500(decimal purchaseWan, decimal expectedWan) =>
        Assert.Equal(expectedWan, CeilingWan(Ankang2, Project(purchaseWan: purchaseWan, size: SizeClass.Medium)));

    [Fact]
    public void Ankang_2_a_large_enterprise_is_not_eligible()
    {
        var result = IncentiveCalculator.Evaluate(Ankang2, Project(purchaseWan: 3000, size: SizeClass.Large));
        Assert.False(result.Eligible);
        Assert.Contains("企业规模为大型，不属于中小企业", Assert.Single(result.Reasons));
    }

    [Fact]
    public void Ankang_2_without_size_data_is_not_eligible_and_says_what_is_missing() =>
        Assert.Contains("无法划分企业规模", Assert.Single(IncentiveCalculator.Evaluate(Ankang2, Project(purchaseWan: 3000)).Reasons));

    [Fact]
    public void Xiqu_6_and_7_do_not_stack_only_the_higher_7_is_granted_and_the_explanation_says_so()
    {
        var facts = Project(equipmentWan: 8000, newOutputWan: 3000, category: "智改数转");
        var six = IncentiveCalculator.Evaluate(Xiqu6, facts);
        var seven = IncentiveCalculator.Evaluate(Xiqu7, facts);
        Assert.Equal((240m, 250m), (six.Ceiling / Wan, seven.Ceiling / Wan));

        var decisions = Stacking.Resolve(
            [new("xiqu.6", Xiqu6.Title, "设备投资类", 6, six), new("xiqu.7", Xiqu7.Title, "设备投资类", 7, seven)],
            "同类政策措施标准不一致的，按“取高不重复”原则执行");
        Assert.False(decisions[0].Granted);
        Assert.True(decisions[1].Granted);
        Assert.Contains("只兑现金额较高的“七、推动重点企业设备更新和技术改造”", decisions[0].Result.Explanation.Conclusion);
        Assert.Contains("“七、推动重点企业设备更新和技术改造”（250万元）", decisions[0].Result.Explanation.Notes.Single());
        Assert.Contains("“六、促进重点项目早日竣工投产”（240万元）", decisions[1].Result.Explanation.Notes.Single());
        Assert.Contains("同类政策措施标准不一致的", decisions[1].Result.Explanation.Notes.Single());
    }
}
