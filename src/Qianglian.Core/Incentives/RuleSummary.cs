namespace Qianglian.Core.Incentives;

/// <summary>One line that says what a rule pays and when, for lists and forms: "设备投资 × 3%，上限 500万元；须：…".</summary>
public static class RuleSummary
{
    public static string Describe(IncentiveRule rule)
    {
        var amount = rule.Kind switch
        {
            RuleKind.PercentOfBase => $"{Wording.Short(rule.Base)} × {Wording.Percent(rule.Rate ?? 0m)}",
            RuleKind.RateByCategory => $"{Wording.Short(rule.Base)} × （{string.Join("、", rule.Categories.Select(c => $"{c.Name}{Wording.Percent(c.Rate)}"))}）",
            RuleKind.FixedAward => rule.Amount is { } a ? $"一次性奖励 {Wording.Wan(a)}" : "一次性奖励（金额待设定）",
            RuleKind.LoanInterest => "贷款本金 × " + (rule.Rate is { } r ? $"年利率（不高于{Wording.Percent(r)}）" : "年利率") + " × 天数 ÷ 360",
            _ => rule.Kind.ToString(),
        };
        if (rule.Cap is { } cap) amount += $"，上限 {Wording.Wan(cap)}";
        var conditions = rule.Conditions.Select(Condition).ToList();
        return conditions.Count == 0 ? amount : $"{amount}；须：{string.Join("、", conditions)}";
    }

    public static string Condition(RuleCondition c) => c.Kind switch
    {
        ConditionKind.ProjectFlag => string.Join("或", c.Flags.Select(Wording.Flag)),
        ConditionKind.CompletedOnSchedule => "如期建成投产",
        ConditionKind.AtLeast => $"{Wording.Label(c.Figure ?? Figure.EquipmentInvestment)}≥{Wording.Wan(c.Minimum ?? 0m)}",
        ConditionKind.Sme => "中小企业",
        ConditionKind.Honour => $"获认定为{Wording.Honour(c.Honour ?? "", c.HonourLevel)}",
        ConditionKind.Attested => c.Text ?? "",
        _ => c.Kind.ToString(),
    };
}
