namespace Qianglian.Core.Incentives;

/// <summary>
/// Checks a rule before it is stored (from a pack or the API): every problem with its field, so a bad pack fails
/// loudly and a bad form names what to fix. Rates are fractions in (0, 1]; amounts are yuan, not negative.
/// </summary>
public static class RuleValidator
{
    public static IReadOnlyList<(string Field, string Message)> Validate(IncentiveRule rule)
    {
        var errors = new List<(string, string)>();
        void Rate(decimal? rate, string field, bool required)
        {
            if (rate is null) { if (required) errors.Add((field, "须填写比例 (rate is required)")); return; }
            if (rate <= 0m || rate > 1m) errors.Add((field, $"比例须大于0且不超过100%：{rate} (rate must be a fraction in (0, 1])"));
        }
        switch (rule.Kind)
        {
            case RuleKind.PercentOfBase:
                Rate(rule.Rate, "rule.rate", required: true);
                break;
            case RuleKind.RateByCategory:
                if (rule.Categories.Count == 0) errors.Add(("rule.categories", "按类别核算须列出类别及比例 (categories are required)"));
                for (var i = 0; i < rule.Categories.Count; i++)
                {
                    var c = rule.Categories[i];
                    if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(($"rule.categories[{i}].name", "类别名称不能为空 (name is required)"));
                    else if (rule.Categories.Take(i).Any(o => o.Name == c.Name)) errors.Add(($"rule.categories[{i}].name", $"类别“{c.Name}”重复 (duplicate category)"));
                    Rate(c.Rate, $"rule.categories[{i}].rate", required: true);
                }
                break;
            case RuleKind.FixedAward:
                if (rule.Amount is < 0m) errors.Add(("rule.amount", "奖励金额不能为负数 (must not be negative)"));
                break;
            case RuleKind.LoanInterest:
                Rate(rule.Rate, "rule.rate", required: false);
                break;
            default:
                errors.Add(("rule.kind", $"未知的规则类型：{rule.Kind} (unknown rule kind)"));
                break;
        }
        if (rule.Kind is RuleKind.PercentOfBase or RuleKind.RateByCategory && rule.Base == Figure.LoanPrincipal)
            errors.Add(("rule.base", "比例补助的基数不能是贷款本金 (use LoanInterest for loans)"));
        if (rule.Cap is < 0m) errors.Add(("rule.cap", "上限不能为负数 (must not be negative)"));
        for (var i = 0; i < rule.Conditions.Count; i++)
        {
            var c = rule.Conditions[i];
            var field = $"rule.conditions[{i}]";
            switch (c.Kind)
            {
                case ConditionKind.ProjectFlag when c.Flags.Count == 0:
                    errors.Add(($"{field}.flags", "须列出项目类别 (flags are required)"));
                    break;
                case ConditionKind.AtLeast when c.Figure is null || c.Minimum is null or < 0m:
                    errors.Add(($"{field}.minimum", "须指明指标和不为负的下限 (figure and a non-negative minimum are required)"));
                    break;
                case ConditionKind.Honour when string.IsNullOrWhiteSpace(c.Honour):
                    errors.Add(($"{field}.honour", "须指明荣誉类别 (honour is required)"));
                    break;
                case ConditionKind.Attested when string.IsNullOrWhiteSpace(c.Text):
                    errors.Add(($"{field}.text", "须写明申报单位声明的事项 (text is required)"));
                    break;
                case ConditionKind.ProjectFlag or ConditionKind.AtLeast or ConditionKind.Honour or ConditionKind.Attested
                    or ConditionKind.CompletedOnSchedule or ConditionKind.Sme:
                    break;
                default:
                    errors.Add(($"{field}.kind", $"未知的条件类型：{c.Kind} (unknown condition kind)"));
                    break;
            }
        }
        return errors;
    }

    /// <summary>Whether the rule asks the application for a category, a purchase amount or loan terms.</summary>
    public static bool NeedsCategory(IncentiveRule rule) => rule.Kind == RuleKind.RateByCategory;
}
