namespace Qianglian.Core.Incentives;

/// <summary>A change to try on a rule: any of a rate, the cap, the category rates, the fixed amount, or a threshold.</summary>
public sealed record RuleChange
{
    public decimal? Rate { get; init; }
    public decimal? Cap { get; init; }
    public decimal? Amount { get; init; }
    public IReadOnlyList<CategoryRate>? Categories { get; init; }
    /// <summary>New minimums of the AtLeast conditions, by figure.</summary>
    public IReadOnlyDictionary<Figure, decimal>? Minimums { get; init; }

    public IncentiveRule ApplyTo(IncentiveRule rule) => rule with
    {
        Rate = Rate ?? rule.Rate,
        Cap = Cap ?? rule.Cap,
        Amount = Amount ?? rule.Amount,
        Categories = Categories ?? rule.Categories,
        Conditions = rule.Conditions.Select(c => c.Kind == ConditionKind.AtLeast && c.Figure is { } f && Minimums?.TryGetValue(f, out var m) == true
            ? c with { Minimum = m } : c).ToList(),
    };
}

/// <summary>One case of the pipeline: a project (with its facts) counted in a year and a chain.</summary>
public sealed record PipelineCase(string Name, int Year, string Chain, CaseFacts Facts);

public sealed record CostRow(string Key, int CurrentCount, decimal Current, int ChangedCount, decimal Changed)
{
    public decimal Difference => Changed - Current;
}

public sealed record WhatIfResult(CostRow Total, IReadOnlyList<CostRow> ByYear, IReadOnlyList<CostRow> ByChain, IReadOnlyList<string> ChangedCases)
{
    /// <summary>
    /// 西区 七: cases that would qualify under some direction but have not declared one: not costed (their direction is
    /// the applicant's declaration, never assumed), listed so the cost is read as excluding them.
    /// </summary>
    public IReadOnlyList<string> DirectionUndeclared { get; init; } = [];
}

/// <summary>
/// What a change of rate, cap or threshold would cost over the current pipeline: every case evaluated under the
/// rule as it is and as changed, the ceilings summed by year and by chain. Cases whose amount is still to be set
/// count as eligible with no amount.
/// </summary>
public static class WhatIf
{
    public static WhatIfResult Compare(MeasureTerms measure, RuleChange change, IReadOnlyList<PipelineCase> cases)
    {
        var changed = measure with { Rule = change.ApplyTo(measure.Rule) };
        var results = cases.Select(c => (Case: c, Now: IncentiveCalculator.Evaluate(measure, c.Facts), Then: IncentiveCalculator.Evaluate(changed, c.Facts))).ToList();
        CostRow Row(string key, IEnumerable<(PipelineCase Case, IncentiveResult Now, IncentiveResult Then)> rows)
        {
            var list = rows.ToList();
            return new CostRow(key, list.Count(r => r.Now.Eligible), list.Sum(r => r.Now.Ceiling ?? 0m),
                list.Count(r => r.Then.Eligible), list.Sum(r => r.Then.Ceiling ?? 0m));
        }
        return new WhatIfResult(
            Row("合计", results),
            results.GroupBy(r => r.Case.Year).OrderBy(g => g.Key).Select(g => Row(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g)).ToList(),
            results.GroupBy(r => r.Case.Chain).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g)).ToList(),
            results.Where(r => r.Now.Ceiling != r.Then.Ceiling || r.Now.Eligible != r.Then.Eligible).Select(r => r.Case.Name).ToList());
    }
}
