using Qianglian.Core.Scoring;

namespace Qianglian.Core.Tests.Scoring;

public class ConditionsTests
{
    private static readonly Condition RdRatioLarge = new()
    {
        Key = "rd", Name = "研发费用占营业收入比重", Input = "rdIntensity", AtLeast = 0.03m, Unit = Quantity.Ratio,
        Numerator = "rdSpend", Denominator = "revenue", NumeratorName = "研发费用",
        When = new Applicability { Input = "revenue", Min = 100_000_000, Label = "营业收入1亿元以上" },
    };

    private static Dictionary<string, decimal?> V(params (string, decimal?)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2);

    [Fact]
    public void A_failed_ratio_names_the_amount_missing_at_this_revenue()
    {
        var o = Conditions.Check(RdRatioLarge, V(("rdIntensity", 0.024m), ("rdSpend", 2_400_000), ("revenue", 100_000_000)));
        Assert.Equal(ConditionStatus.Failed, o.Status);
        Assert.Equal("研发费用占营业收入比重 2.4%，需 ≥ 3%（营业收入1亿元以上）：按当前10,000万元，研发费用需增加 60万元", o.Text);
    }

    [Fact]
    public void A_condition_of_another_revenue_band_does_not_apply()
    {
        var o = Conditions.Check(RdRatioLarge, V(("rdIntensity", 0.01m), ("revenue", 60_000_000)));
        Assert.Equal(ConditionStatus.NotApplicable, o.Status);
    }

    [Fact]
    public void At_most_and_at_least_include_the_threshold()
    {
        var debt = new Condition { Key = "debt", Name = "资产负债率", Input = "debtRatio", AtMost = 0.7m, Unit = Quantity.Ratio };
        Assert.Equal(ConditionStatus.Met, Conditions.Check(debt, V(("debtRatio", 0.7m))).Status);
        var over = Conditions.Check(debt, V(("debtRatio", 0.78m)));
        Assert.Equal(ConditionStatus.Failed, over.Status);
        Assert.Contains("须降低 8个百分点", over.Text);
        var years = new Condition { Key = "niche", Name = "从事细分市场年限", Input = "nicheYears", AtLeast = 2, Unit = "年" };
        Assert.Equal(ConditionStatus.Met, Conditions.Check(years, V(("nicheYears", 2))).Status);
        Assert.Contains("还差 1年", Conditions.Check(years, V(("nicheYears", 1))).Text);
    }

    [Fact]
    public void Missing_data_is_unknown_and_manual_matters_are_to_verify()
    {
        Assert.Equal(ConditionStatus.Unknown, Conditions.Check(RdRatioLarge with { When = null }, V()).Status);
        Assert.Equal(ConditionStatus.ToVerify, Conditions.Check(new Condition { Key = "m", Name = "特色化", Manual = true }, V()).Status);
    }

    [Fact]
    public void A_condition_without_threshold_or_input_is_invalid()
    {
        var errors = Conditions.Validate(new ConditionSet { Code = "x", Conditions = [new Condition { Key = "a", Name = "无阈值", Input = "revenue" }, new Condition { Key = "b", Name = "无来源", AtLeast = 1 }] });
        Assert.Contains(errors, e => e.Field == "conditions[0]");
        Assert.Contains(errors, e => e.Field == "conditions[1].input");
    }
}
