using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Components.Pages.Incentives;

namespace Qianglian.Web.Tests.Incentives;

/// <summary>The new-measure form turns 万元 and % into the yuan and fractions the rule stores, and names what it cannot read.</summary>
public class MeasureFormTests
{
    [Fact]
    public void Amounts_in_wan_and_rates_in_percent_become_yuan_and_fractions_with_the_conditions_ticked()
    {
        var form = new MeasureForm
        {
            Key = "x.1", Title = "t", Clause = "c", SupportType = "s", Kind = RuleKind.RateByCategory, Categories = "智改数转 8%\n环保技改：5\n",
            CapWan = 250, Flags = ["ChainLeader"], OnSchedule = true, MinimumFigure = Figure.EquipmentInvestment, MinimumWan = 2000,
        };
        var rule = form.ToRequest().Measure.Rule;
        Assert.Equal(new CategoryRate[] { new("智改数转", 0.08m), new("环保技改", 0.05m) }, rule.Categories);
        Assert.Equal(2_500_000m, rule.Cap);
        Assert.Null(rule.Rate);
        Assert.Equal([ConditionKind.ProjectFlag, ConditionKind.CompletedOnSchedule, ConditionKind.AtLeast], rule.Conditions.Select(c => c.Kind));
        Assert.Equal(20_000_000m, rule.Conditions[2].Minimum);
    }

    [Fact]
    public void A_fixed_award_left_empty_is_to_be_set_and_carries_no_cap()
    {
        var rule = new MeasureForm { Kind = RuleKind.FixedAward, CapWan = 5 }.ToRequest().Measure.Rule;
        Assert.True(rule.AmountToBeSet);
        Assert.Null(rule.Cap);
    }

    [Fact]
    public void Unreadable_lines_and_half_given_thresholds_are_refused_naming_the_field()
    {
        var e = Assert.Throws<ValidationException>(() => new MeasureForm { Kind = RuleKind.RateByCategory, Categories = "智改数转 8%\n数字化车间", MinimumWan = 10 }.ToRequest());
        Assert.Contains("第2行“数字化车间”", e.Errors["rule.categories"].Single());
        Assert.Contains("须选择门槛指标", e.Errors["rule.conditions.figure"].Single());
    }
}
