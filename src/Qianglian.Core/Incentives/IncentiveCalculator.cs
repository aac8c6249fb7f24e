namespace Qianglian.Core.Incentives;

/// <summary>
/// Computes what one measure grants one case, with its explanation. Pure: the date comes in the facts.
/// Conventions of the seeds: "以上" includes the number (≥); "不超过 X%" gives the ceiling; amounts are cut to the fen.
/// </summary>
public static class IncentiveCalculator
{
    public static IncentiveResult Evaluate(MeasureTerms measure, CaseFacts facts)
    {
        var rule = measure.Rule;
        var inputs = new List<ExplainedInput>();
        var checks = new List<CheckedCondition> { Validity(measure, facts.On) };
        foreach (var condition in rule.Conditions) checks.Add(Check(condition, facts));

        var (amountChecks, ceiling, formula) = rule.Kind switch
        {
            RuleKind.PercentOfBase => Percent(rule, facts, rule.Rate ?? 0m, null),
            RuleKind.RateByCategory => ByCategory(rule, facts),
            RuleKind.FixedAward => ([], rule.Amount, rule.Amount is { } a ? $"一次性奖励 {Wording.Wan(a)}" : "奖励金额待本级设定"),
            RuleKind.LoanInterest => Loan(rule, facts),
            _ => ([new CheckedCondition("规则类型", false, $"未知的规则类型 {rule.Kind}")], null, null),
        };
        checks.AddRange(amountChecks);
        Describe(rule, facts, inputs);

        var eligible = checks.All(c => c.Passed);
        var toBeSet = eligible && rule.AmountToBeSet;
        var notes = new List<string>();
        if (toBeSet) notes.Add("本措施未规定奖励金额，须由本级设定后方可审定、兑付 (amount to be set by the jurisdiction)");
        var conclusion = !eligible ? "不符合条件：" + string.Join("；", checks.Where(c => !c.Passed).Select(c => c.Detail))
            : toBeSet ? "符合条件，奖励金额待设定"
            : $"符合条件，最高可兑现 {Wording.Wan(ceiling ?? 0m)}";
        var explanation = new Explanation(measure.Title, measure.Clause, inputs, checks, eligible ? formula : null, notes, conclusion);
        return new IncentiveResult(eligible, eligible && !toBeSet ? ceiling : null, toBeSet, explanation);
    }

    private static CheckedCondition Validity(MeasureTerms m, DateOnly on)
    {
        var window = (m.ValidFrom, m.ValidUntil) switch
        {
            ({ } f, { } u) => $"{Wording.Date(f)}至{Wording.Date(u)}",
            (null, { } u) => $"有效期至{Wording.Date(u)}",
            ({ } f, null) => $"自{Wording.Date(f)}起",
            _ => "未设有效期",
        };
        var condition = $"在政策有效期内（{window}）";
        if (m.ValidUntil is { } until && on > until)
            return new(condition, false, $"申报日期{Wording.Date(on)}已超过政策有效期（至{Wording.Date(until)}）");
        if (m.ValidFrom is { } from && on < from)
            return new(condition, false, $"申报日期{Wording.Date(on)}早于政策施行日期{Wording.Date(from)}");
        return new(condition, true, $"申报日期{Wording.Date(on)}在有效期内");
    }

    private static CheckedCondition Check(RuleCondition c, CaseFacts f) => c.Kind switch
    {
        ConditionKind.ProjectFlag => Flags(c, f),
        ConditionKind.CompletedOnSchedule => OnSchedule(f),
        ConditionKind.AtLeast => AtLeast(c, f),
        ConditionKind.Sme => Sme(f),
        ConditionKind.Honour => Honour(c, f),
        ConditionKind.Attested => Attested(c, f),
        _ => new CheckedCondition(c.Kind.ToString(), false, $"未知的条件类型 {c.Kind}"),
    };

    private static CheckedCondition Flags(RuleCondition c, CaseFacts f)
    {
        var names = string.Join("或", c.Flags.Select(Wording.Flag));
        var held = c.Flags.Where(f.ProjectFlags.Contains).Select(Wording.Flag).ToList();
        return held.Count > 0
            ? new($"属于{names}", true, $"项目为{string.Join("、", held)}")
            : new($"属于{names}", false, $"项目不是{names}");
    }

    private static CheckedCondition OnSchedule(CaseFacts f)
    {
        const string condition = "如期建成投产";
        if (f.ActualCompletion is not { } actual) return new(condition, false, "项目尚未竣工投产");
        if (f.PlannedCompletion is not { } planned) return new(condition, false, "项目未填写计划竣工日期，无法判断是否如期建成投产");
        return actual <= planned
            ? new(condition, true, $"实际竣工{Wording.Date(actual)}，不晚于计划{Wording.Date(planned)}")
            : new(condition, false, $"未如期建成投产：实际竣工{Wording.Date(actual)}晚于计划{Wording.Date(planned)}");
    }

    private static CheckedCondition AtLeast(RuleCondition c, CaseFacts f)
    {
        var figure = c.Figure ?? Figure.EquipmentInvestment;
        var minimum = c.Minimum ?? 0m;
        var condition = $"{Wording.Label(figure)}达{Wording.Wan(minimum)}及以上";
        if (!f.Figures.TryGetValue(figure, out var value)) return new(condition, false, $"未填写{Wording.Label(figure)}");
        return value >= minimum
            ? new(condition, true, $"{Wording.Label(figure)} {Wording.Wan(value)} ≥ {Wording.Wan(minimum)}")
            : new(condition, false, $"{Wording.Label(figure)} {Wording.Wan(value)} 未达到 {Wording.Wan(minimum)}（“以上”含本数）");
    }

    private static CheckedCondition Sme(CaseFacts f)
    {
        const string condition = "属于中小企业（统计上大中小微型企业划分办法，工业）";
        if (f.EnterpriseSize is not { } size) return new(condition, false, "缺少企业年度从业人员和营业收入数据，无法划分企业规模");
        return Enterprises.EnterpriseSize.IsSme(size)
            ? new(condition, true, $"企业规模为{Wording.Size(size)}，属于中小企业")
            : new(condition, false, $"企业规模为{Wording.Size(size)}，不属于中小企业");
    }

    private static CheckedCondition Honour(RuleCondition c, CaseFacts f)
    {
        var name = Wording.Honour(c.Honour ?? "", c.HonourLevel);
        var held = f.Honours.Any(h => h.Kind == c.Honour && (c.HonourLevel is null || h.Level == c.HonourLevel));
        return held ? new($"获认定为{name}", true, $"企业已获认定为{name}") : new($"获认定为{name}", false, $"企业未获认定为{name}");
    }

    private static CheckedCondition Attested(RuleCondition c, CaseFacts f)
    {
        var text = c.Text ?? "";
        return f.Attested.Contains(text)
            ? new(text, true, $"申报单位声明：{text}（须经审核确认）")
            : new(text, false, $"申报单位未声明：{text}");
    }

    /// <summary>The base figure, present and positive, and the check that says so (or why it cannot be used).</summary>
    private static (decimal? Value, CheckedCondition Check) BaseOf(Figure figure, CaseFacts f)
    {
        var condition = $"{Wording.Label(figure)}已填写";
        if (!f.Figures.TryGetValue(figure, out var value) || value == 0m) return (null, new(condition, false, $"未填写{Wording.Label(figure)}，无法核算"));
        if (value < 0m) return (null, new(condition, false, $"{Wording.Label(figure)}不能为负数：{Wording.Wan(value)}"));
        return (value, new(condition, true, $"{Wording.Label(figure)} {Wording.Wan(value)}"));
    }

    private static (List<CheckedCondition>, decimal?, string?) Percent(IncentiveRule rule, CaseFacts f, decimal rate, string? category)
    {
        var (value, check) = BaseOf(rule.Base, f);
        if (value is not { } b) return ([check], null, null);
        var raw = Wording.ToFen(b * rate);
        var product = $"{Wording.Short(rule.Base)} {Wording.Wan(b)} × {Wording.Percent(rate)}{(category is null ? "" : $"（{category}）")} = {Wording.Wan(raw)}";
        var (ceiling, formula) = Capped(raw, rule.Cap, product);
        return ([check], ceiling, formula);
    }

    private static (decimal, string) Capped(decimal raw, decimal? cap, string product) => cap switch
    {
        null => (raw, product),
        { } c when raw <= c => (raw, $"{product} ≤ 上限 {Wording.Wan(c)}"),
        { } c => (c, $"{product} > 上限 {Wording.Wan(c)}，按上限 {Wording.Wan(c)}"),
    };

    private static (List<CheckedCondition>, decimal?, string?) ByCategory(IncentiveRule rule, CaseFacts f)
    {
        var names = string.Join("、", rule.Categories.Select(c => $"{c.Name}{Wording.Percent(c.Rate)}"));
        const string condition = "属于本措施所列类别";
        if (string.IsNullOrWhiteSpace(f.Category)) return ([new(condition, false, $"未选择类别（{names}）")], null, null);
        var category = rule.Categories.FirstOrDefault(c => c.Name == f.Category.Trim());
        if (category is null) return ([new(condition, false, $"“{f.Category}”不是本措施所列类别（{names}）")], null, null);
        var (checks, ceiling, formula) = Percent(rule, f, category.Rate, category.Name);
        return ([new(condition, true, $"类别：{category.Name}，比例{Wording.Percent(category.Rate)}"), .. checks], ceiling, formula);
    }

    private static (List<CheckedCondition>, decimal?, string?) Loan(IncentiveRule rule, CaseFacts f)
    {
        var (value, baseCheck) = BaseOf(Figure.LoanPrincipal, f);
        if (value is not { } principal) return ([baseCheck], null, null);
        const string condition = "贷款利率和计息天数已填写";
        if (f.LoanRate is not { } loanRate || loanRate <= 0m) return ([baseCheck, new(condition, false, "未填写贷款年利率")], null, null);
        if (f.LoanDays is not { } days || days <= 0) return ([baseCheck, new(condition, false, "未填写计息天数")], null, null);
        var rate = rule.Rate is { } highest && highest < loanRate ? highest : loanRate;
        var rateText = rate < loanRate ? $"{Wording.Percent(rate)}（贷款利率{Wording.Percent(loanRate)}，按贴息上限利率）" : Wording.Percent(rate);
        var raw = Wording.ToFen(principal * rate * days / 360m);
        var product = $"贷款本金 {Wording.Wan(principal)} × 年利率 {rateText} × {days}天 ÷ 360 = {Wording.Wan(raw)}";
        var (ceiling, formula) = Capped(raw, rule.Cap, product);
        return ([baseCheck, new(condition, true, $"年利率{Wording.Percent(loanRate)}，计息{days}天")], ceiling, formula);
    }

    private static void Describe(IncentiveRule rule, CaseFacts f, List<ExplainedInput> inputs)
    {
        var figures = new List<Figure>();
        if (rule.Kind is RuleKind.PercentOfBase or RuleKind.RateByCategory) figures.Add(rule.Base);
        if (rule.Kind == RuleKind.LoanInterest) figures.Add(Figure.LoanPrincipal);
        figures.AddRange(rule.Conditions.Where(c => c.Kind == ConditionKind.AtLeast && c.Figure is not null).Select(c => c.Figure!.Value));
        foreach (var figure in figures.Distinct())
            inputs.Add(new(Wording.Label(figure), f.Figures.TryGetValue(figure, out var v) ? Wording.Wan(v) : "未填写"));
        if (rule.Conditions.Any(c => c.Kind == ConditionKind.ProjectFlag))
            inputs.Add(new("项目类别", f.ProjectFlags.Count == 0 ? "无" : string.Join("、", f.ProjectFlags.Order(StringComparer.Ordinal).Select(Wording.Flag))));
        if (rule.Conditions.Any(c => c.Kind == ConditionKind.CompletedOnSchedule))
        {
            inputs.Add(new("计划竣工", f.PlannedCompletion is { } p ? Wording.Date(p) : "未填写"));
            inputs.Add(new("实际竣工", f.ActualCompletion is { } a ? Wording.Date(a) : "未竣工"));
        }
        if (rule.Kind == RuleKind.RateByCategory) inputs.Add(new("类别", f.Category ?? "未选择"));
        if (rule.Conditions.Any(c => c.Kind == ConditionKind.Sme))
            inputs.Add(new("企业规模", f.EnterpriseSize is { } s ? Wording.Size(s) : "无数据"));
        if (rule.Kind == RuleKind.LoanInterest)
        {
            inputs.Add(new("贷款年利率", f.LoanRate is { } r ? Wording.Percent(r) : "未填写"));
            inputs.Add(new("计息天数", f.LoanDays?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "未填写"));
        }
        inputs.Add(new("申报日期", Wording.Date(f.On)));
    }
}
