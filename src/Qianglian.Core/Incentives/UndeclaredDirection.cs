namespace Qianglian.Core.Incentives;

/// <summary>
/// 西区 七 pays by the direction of the renovation (整体升级改造 3%、环保技改 5%、安全生产技改 5%、智改数转 8%). No project
/// record says which direction a project is: it is the applicant's declaration, confirmed by the reviewer at intake.
/// Until it is declared, a forecast (免申即享, the eligibility list, what-if) never assumes the direction that pays
/// most: the case qualifies if it qualifies under some direction, its amount stays open, and the explanation gives the
/// range from the lowest-paying to the highest-paying direction.
/// </summary>
public static class UndeclaredDirection
{
    public const string Conclusion = "符合其他条件；补助金额待申报人声明改造方向、经受理审核确认后确定";

    public static IncentiveResult Evaluate(MeasureTerms measure, Func<string?, CaseFacts> factsFor)
    {
        var rule = measure.Rule;
        if (rule.Kind != RuleKind.RateByCategory || rule.Categories.Count == 0)
            return IncentiveCalculator.Evaluate(measure, factsFor(null));
        var byDirection = rule.Categories.Select(c => (c.Name, Result: IncentiveCalculator.Evaluate(measure, factsFor(c.Name)))).ToList();
        var eligible = byDirection.Where(d => d.Result.Eligible).ToList();
        if (eligible.Count == 0) return byDirection[0].Result;
        var ceilings = eligible.Select(d => d.Result.Ceiling).OfType<decimal>().ToList();
        var range = ceilings.Count == 0 ? "" : ceilings.Min() == ceilings.Max()
            ? $"各方向均为{Wording.Wan(ceilings.Min())}"
            : $"按方向{Wording.Wan(ceilings.Min())}至{Wording.Wan(ceilings.Max())}";
        // The lowest-paying direction's explanation shows the conditions; its amount is not the forecast.
        var basis = eligible.OrderBy(d => d.Result.Ceiling ?? 0m).First().Result;
        var note = $"改造方向未声明（{string.Join("、", rule.Categories.Select(c => $"{c.Name}{Wording.Percent(c.Rate)}"))}）：{range}；" +
                   "方向由申报人声明、受理时审核确认，测算不按补助最高的方向假定";
        var explanation = basis.Explanation.WithNote(note, Conclusion) with
        {
            Formula = null,
            Inputs = basis.Explanation.Inputs.Select(i => i.Label == "类别" ? i with { Value = "未声明" } : i).ToList(),
        };
        return basis with { Ceiling = null, Explanation = explanation };
    }
}
