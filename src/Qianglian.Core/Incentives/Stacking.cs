namespace Qianglian.Core.Incentives;

/// <summary>One measure's result for a case, as the 取高不重复 rule sees it.</summary>
/// <param name="Order">The measure's place (document order; city before district is not implied): breaks ties.</param>
public sealed record StackingCandidate(string Key, string Title, string Group, int Order, IncentiveResult Result);

/// <summary>Whether a candidate is granted after 取高不重复, with the evaluation (its notes say why).</summary>
public sealed record StackingDecision(string Key, bool Granted, IncentiveResult Result);

/// <summary>
/// 取高不重复 ("highest, not stacked"): measures of one exclusivity group do not add up for the same case; only the
/// highest amount is granted. A measure whose amount is still to be set cannot be compared: it stays open, noted.
/// Ties go to the measure listed first. Measures of different groups stack.
/// </summary>
public static class Stacking
{
    /// <param name="clause">The clause that states the principle (攀枝花: 同类政策措施标准不一致的，按“取高不重复”原则执行).</param>
    public static IReadOnlyList<StackingDecision> Resolve(IReadOnlyList<StackingCandidate> candidates, string? clause)
    {
        const string basis = "按“取高不重复”原则";
        var citation = clause is null ? "" : $"（依据：{clause}）";
        var decisions = candidates.ToDictionary(c => c.Key, c => new StackingDecision(c.Key, c.Result.Eligible, c.Result));
        foreach (var group in candidates.Where(c => c.Result.Eligible).GroupBy(c => c.Group))
        {
            var known = group.Where(c => c.Result.Ceiling is not null).ToList();
            if (group.Count() < 2) continue;
            var best = known.OrderByDescending(c => c.Result.Ceiling).ThenBy(c => c.Order).FirstOrDefault();
            // An open amount (to be set, or 西区 七 before its direction is declared) may turn out higher: the higher known
            // one is granted for now and the comparison is made again once the open amount is known.
            var open = known.Count < group.Count();
            foreach (var c in group)
            {
                var others = group.Where(o => o != c).ToList();
                var othersText = string.Join("、", others.Select(Describe));
                if (c.Result.Ceiling is null)
                {
                    decisions[c.Key] = decisions[c.Key] with
                    {
                        Result = c.Result.WithNote(c.Result.AmountToBeSet
                            ? $"与{othersText}同属不可叠加组“{group.Key}”，本措施金额待设定，设定后{basis}比较{citation}"
                            : $"与{othersText}同属不可叠加组“{group.Key}”，本措施金额待申报人声明后确定，确定后{basis}比较{citation}"),
                    };
                }
                else if (c == best)
                {
                    decisions[c.Key] = decisions[c.Key] with
                    {
                        Result = c.Result.WithNote(open
                            ? $"与{othersText}同属不可叠加组“{group.Key}”，{basis}只兑现金额较高者；金额未定者确定后再比较{citation}"
                            : $"与{othersText}同属不可叠加组“{group.Key}”，{basis}只兑现金额较高的本措施，其余不再兑现{citation}"),
                    };
                }
                else
                {
                    var note = $"与{Describe(best!)}同属不可叠加组“{group.Key}”，{basis}只兑现金额较高的“{best!.Title}”，本措施不予兑现{citation}";
                    decisions[c.Key] = new StackingDecision(c.Key, false, c.Result with
                    {
                        Explanation = c.Result.Explanation.WithNote(note, $"不予兑现：{note}"),
                    });
                }
            }
        }
        return candidates.Select(c => decisions[c.Key]).ToList();
    }

    private static string Describe(StackingCandidate c) =>
        c.Result.Ceiling is { } amount ? $"“{c.Title}”（{Wording.Wan(amount)}）"
        : c.Result.AmountToBeSet ? $"“{c.Title}”（金额待设定）" : $"“{c.Title}”（金额待定）";
}

public static class EvaluationNotes
{
    public static IncentiveResult WithNote(this IncentiveResult e, string note) => e with { Explanation = e.Explanation.WithNote(note) };
}
