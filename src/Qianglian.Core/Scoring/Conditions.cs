namespace Qianglian.Core.Scoring;

/// <summary>
/// An entry condition (认定条件): a value compared with a threshold (AtLeast / AtMost, inclusive — "以上/以下" include
/// the number), applicable only when the subject's <see cref="When"/> value is in range (e.g. a revenue band), or a
/// matter a reviewer must verify (<see cref="Manual"/>). <see cref="Numerator"/>/<see cref="Denominator"/> turn a ratio
/// shortfall into the amount missing ("研发费用还需增加 60万元").
/// </summary>
public sealed record Condition
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Input { get; init; }
    public decimal? AtLeast { get; init; }
    public decimal? AtMost { get; init; }
    public string? Unit { get; init; }
    public Applicability? When { get; init; }
    public string? Numerator { get; init; }
    public string? Denominator { get; init; }
    public string? NumeratorName { get; init; }
    public bool Manual { get; init; }
    public string? Source { get; init; }
}

/// <summary>The condition applies when the input's value is ≥ Min and &lt; Below (a band of revenue, say).</summary>
public sealed record Applicability
{
    public string Input { get; init; } = "";
    public decimal? Min { get; init; }
    public decimal? Below { get; init; }
    public string? Label { get; init; }
}

/// <summary>A level's entry conditions: all that apply must be met.</summary>
public sealed record ConditionSet
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Source { get; init; }
    public List<Condition> Conditions { get; init; } = [];
}

public enum ConditionStatus { Met = 1, Failed = 2, Unknown = 3, ToVerify = 4, NotApplicable = 5 }

/// <param name="Shortfall">For a failed condition: by how much, and in money when it is a ratio.</param>
public sealed record ConditionOutcome(string Key, string Name, ConditionStatus Status, decimal? Value, string Requirement, string? Shortfall, string Text);

public static class Conditions
{
    public static IReadOnlyList<ModelError> Validate(ConditionSet set, Func<string, bool>? knownInputs = null)
    {
        var errors = new List<ModelError>();
        if (string.IsNullOrWhiteSpace(set.Code)) errors.Add(new("code", "条件集代码不能为空 (code is required)"));
        for (var n = 0; n < set.Conditions.Count; n++)
        {
            var c = set.Conditions[n];
            var at = $"conditions[{n}]";
            if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new($"{at}.name", "条件名称不能为空 (name is required)"));
            if (!c.Manual && string.IsNullOrWhiteSpace(c.Input)) errors.Add(new($"{at}.input", "条件须指明取值来源，或标为人工核实 (input or manual)"));
            if (!c.Manual && c.AtLeast is null && c.AtMost is null) errors.Add(new($"{at}", "条件须设 atLeast 或 atMost (a threshold is required)"));
            foreach (var key in new[] { c.Input, c.Numerator, c.Denominator, c.When?.Input }.OfType<string>())
                if (knownInputs is not null && !knownInputs(key)) errors.Add(new($"{at}", $"未知的取值来源“{key}” (unknown input)"));
            if ((c.Numerator is null) != (c.Denominator is null)) errors.Add(new($"{at}.numerator", "分子与分母须同时设置 (numerator and denominator go together)"));
        }
        return errors;
    }

    public static IReadOnlyList<ConditionOutcome> Check(ConditionSet set, IReadOnlyDictionary<string, decimal?> values) =>
        set.Conditions.Select(c => Check(c, values)).ToList();

    public static ConditionOutcome Check(Condition c, IReadOnlyDictionary<string, decimal?> values)
    {
        decimal? Get(string? key) => key is not null && values.TryGetValue(key, out var v) ? v : null;
        var requirement = c.Manual ? "人工核实" : string.Join(" 且 ", new[]
        {
            c.AtLeast is { } a ? $"≥ {Quantity.Format(a, c.Unit)}" : null,
            c.AtMost is { } m ? $"≤ {Quantity.Format(m, c.Unit)}" : null,
        }.OfType<string>());
        if (c.When is { } when)
        {
            var w = Get(when.Input);
            var inBand = w is { } x && (when.Min is null || x >= when.Min) && (when.Below is null || x < when.Below);
            if (!inBand) return new(c.Key, c.Name, ConditionStatus.NotApplicable, null, requirement, null, $"{c.Name}：不适用（{when.Label ?? when.Input}）");
            requirement += when.Label is { } label ? $"（{label}）" : "";
        }
        if (c.Manual) return new(c.Key, c.Name, ConditionStatus.ToVerify, null, requirement, null, $"{c.Name}：须人工核实");
        var value = Get(c.Input);
        if (value is not { } v) return new(c.Key, c.Name, ConditionStatus.Unknown, null, requirement, null, $"{c.Name}：缺少数据，无法判断");
        var shown = Quantity.Format(v, c.Unit);
        if (c.AtLeast is { } min && v < min)
        {
            var gap = min - v;
            var money = c.Numerator is not null && Get(c.Denominator) is { } den && Get(c.Numerator) is { } num
                ? $"：按当前{Quantity.Format(den, Quantity.Yuan)}，{c.NumeratorName ?? c.Numerator}需增加 {Quantity.Format(Math.Max(0, min * den - num), Quantity.Yuan)}"
                : $"：还差 {Quantity.FormatChange(gap, c.Unit)}";
            return new(c.Key, c.Name, ConditionStatus.Failed, v, requirement, money.TrimStart('：'), $"{c.Name} {shown}，需 {requirement}{money}");
        }
        if (c.AtMost is { } max && v > max)
        {
            var over = $"：须降低 {Quantity.FormatChange(v - max, c.Unit)}";
            return new(c.Key, c.Name, ConditionStatus.Failed, v, requirement, over.TrimStart('：'), $"{c.Name} {shown}，需 {requirement}{over}");
        }
        return new(c.Key, c.Name, ConditionStatus.Met, v, requirement, null, $"{c.Name} {shown}，满足 {requirement}");
    }
}
