namespace Qianglian.Core.Incentives;

public sealed record ExplainedInput(string Label, string Value);

/// <summary>One condition as checked: what the clause requires, whether it held, and the figures that decided it.</summary>
public sealed record CheckedCondition(string Condition, bool Passed, string Detail);

/// <summary>
/// Why a case gets what it gets: the inputs, every condition with pass/fail, the formula with the numbers filled
/// in, the clause it comes from, and notes (取高不重复, amount to be set …). The API returns it, the UI shows it and
/// the approval form prints it.
/// </summary>
public sealed record Explanation(
    string Measure,
    string Clause,
    IReadOnlyList<ExplainedInput> Inputs,
    IReadOnlyList<CheckedCondition> Conditions,
    string? Formula,
    IReadOnlyList<string> Notes,
    string Conclusion)
{
    public Explanation WithNote(string note, string? conclusion = null) =>
        this with { Notes = [.. Notes, note], Conclusion = conclusion ?? Conclusion };
}

/// <summary>
/// The result for one measure and one case. <see cref="Ceiling"/> is the most that may be granted ("不超过" is a
/// ceiling: an approver may grant less, never more); null when not eligible or when the amount is still to be set.
/// </summary>
public sealed record IncentiveResult(bool Eligible, decimal? Ceiling, bool AmountToBeSet, Explanation Explanation)
{
    /// <summary>The reasons it is not eligible: the failed conditions, in the clause's order.</summary>
    public IReadOnlyList<string> Reasons => Explanation.Conditions.Where(c => !c.Passed).Select(c => c.Detail).ToList();

    /// <summary>Eligible and with a known amount: what an approval and a payment need.</summary>
    public bool Payable => Eligible && !AmountToBeSet && Ceiling is not null;
}
