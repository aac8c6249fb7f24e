using Qianglian.Core.Incentives;
using static Qianglian.Core.Tests.Incentives.SeedRules;

namespace Qianglian.Core.Tests.Incentives;

public class ExplanationTests
{
    [Fact]
    public void The_formula_is_written_with_the_numbers_and_the_cap()
    {
        var e = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 2000)).Explanation;
        Assert.Equal("设备投资 8,000万元 × 3% = 240万元 ≤ 上限 500万元", e.Formula);
        Assert.Equal(Xiqu6.Clause, e.Clause);
        Assert.Contains(e.Inputs, i => i.Label == "设备（含软件）投资" && i.Value == "8,000万元");
        Assert.Contains(e.Inputs, i => i.Label == "新增生产规模" && i.Value == "2,000万元");
        Assert.Equal(5, e.Conditions.Count); // validity, flag, on schedule, scale, base
        Assert.All(e.Conditions.Take(4), c => Assert.True(c.Passed));
        Assert.Contains("新增生产规模 2,000万元 ≥ 2,000万元", e.Conditions[3].Detail);
        Assert.Equal("符合条件，最高可兑现 240万元", e.Conclusion);
    }

    [Fact]
    public void A_capped_amount_says_it_is_capped() =>
        Assert.Equal("设备投资 20,000万元 × 3% = 600万元 > 上限 500万元，按上限 500万元",
            IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 20000, newOutputWan: 2000)).Explanation.Formula);

    [Fact]
    public void A_category_formula_names_the_category() =>
        Assert.Equal("设备投资 2,800万元 × 8%（智改数转） = 224万元 ≤ 上限 250万元",
            IncentiveCalculator.Evaluate(Xiqu7, Project(equipmentWan: 2800, category: "智改数转")).Explanation.Formula);

    [Fact]
    public void Every_condition_is_listed_with_pass_or_fail_even_when_one_fails()
    {
        var e = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 1999, onSchedule: false)).Explanation;
        Assert.Equal([true, true, false, false, true], e.Conditions.Select(c => c.Passed));
        Assert.Null(e.Formula);
        Assert.StartsWith("不符合条件：", e.Conclusion);
    }

    [Fact]
    public void After_the_validity_window_a_case_is_not_eligible()
    {
        var result = IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 3000, on: new DateOnly(2028, 1, 2)));
        Assert.False(result.Eligible);
        Assert.Contains("已超过政策有效期（至2027年12月31日）", Assert.Single(result.Reasons));
    }

    [Fact]
    public void The_last_day_of_the_window_is_inside_it() =>
        Assert.True(IncentiveCalculator.Evaluate(Xiqu6, Project(equipmentWan: 8000, newOutputWan: 3000, on: XiquUntil)).Eligible);

    [Fact]
    public void Missing_or_negative_investment_is_named()
    {
        Assert.Contains("未填写设备（含软件）投资，无法核算", IncentiveCalculator.Evaluate(Xiqu7, Project(category: "智改数转")).Reasons);
        var negative = Project(category: "智改数转") with { Figures = new Dictionary<Figure, decimal> { [Figure.EquipmentInvestment] = -1m } };
        Assert.Contains(IncentiveCalculator.Evaluate(Xiqu7, negative).Reasons, r => r.Contains("不能为负数"));
    }

    [Fact]
    public void An_award_to_be_set_is_eligible_but_not_payable()
    {
        var facts = Project() with { Honours = [new HonourFact("SingleChampion", "National")] };
        var result = IncentiveCalculator.Evaluate(Ankang5SingleChampion, facts);
        Assert.True(result.Eligible);
        Assert.True(result.AmountToBeSet);
        Assert.False(result.Payable);
        Assert.Null(result.Ceiling);
        Assert.Equal("奖励金额待本级设定", result.Explanation.Formula);
        Assert.Contains("须由本级设定后方可审定、兑付", result.Explanation.Notes.Single());

        var set = Ankang5SingleChampion with { Rule = Ankang5SingleChampion.Rule with { Amount = 100 * Wan } };
        var paid = IncentiveCalculator.Evaluate(set, facts);
        Assert.True(paid.Payable);
        Assert.Equal(100m, paid.Ceiling / Wan);
    }

    [Fact]
    public void An_award_needs_the_honour_at_its_level() =>
        Assert.Contains("企业未获认定为国家级单项冠军企业", Assert.Single(IncentiveCalculator.Evaluate(Ankang5SingleChampion,
            Project() with { Honours = [new HonourFact("SingleChampion", "Provincial")] }).Reasons));

    [Fact]
    public void Loan_interest_is_principal_times_rate_times_days_over_360_capped()
    {
        var loan = new MeasureTerms("贷款贴息", "对当年建成投产的新增产能工业项目择优给予流动资金贷款贴息支持", null, null,
            new IncentiveRule { Kind = RuleKind.LoanInterest, Cap = 20 * Wan });
        var facts = new CaseFacts { On = Today, Figures = new Dictionary<Figure, decimal> { [Figure.LoanPrincipal] = 1000 * Wan }, LoanRate = 0.0435m, LoanDays = 180 };
        var result = IncentiveCalculator.Evaluate(loan, facts);
        Assert.Equal(20m, result.Ceiling / Wan); // 21.75万 > 20万
        Assert.Equal("贷款本金 1,000万元 × 年利率 4.35% × 180天 ÷ 360 = 21.75万元 > 上限 20万元，按上限 20万元", result.Explanation.Formula);

        var uncapped = IncentiveCalculator.Evaluate(loan with { Rule = loan.Rule with { Cap = null, Rate = 0.03m } }, facts);
        Assert.Equal(150_000m, uncapped.Ceiling); // 1000万 × 3% × 180 / 360
    }

    [Fact]
    public void Amounts_are_cut_to_the_fen_never_rounded_up() =>
        // 1,234.5678 yuan × 3% = 37.037034 → 37.03
        Assert.Equal(37.03m, IncentiveCalculator.Evaluate(Xiqu8 with { Rule = Xiqu8.Rule with { Rate = 0.03m, Cap = null } },
            Project(flags: ["StrategicResource"]) with { Figures = new Dictionary<Figure, decimal> { [Figure.TotalInvestment] = 1234.5678m } }).Ceiling);
}
