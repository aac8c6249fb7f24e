namespace Qianglian.Core.Evaluation;

/// <summary>How an actual compares with a target: met or not, and how far along (for at-least targets).</summary>
public static class TargetRules
{
    public static readonly IReadOnlyList<string> Comparisons = [">=", ">", "<=", "<", "between"];

    public static bool Meets(string comparison, decimal value, decimal? valueMax, decimal actual) => comparison switch
    {
        ">=" => actual >= value,
        ">" => actual > value,
        "<=" => actual <= value,
        "<" => actual < value,
        "between" => actual >= value && actual <= (valueMax ?? value),
        _ => false,
    };

    /// <summary>
    /// Share of an at-least target reached (actual ÷ target, 0–1, capped at 1); for a "between" target, of its lower
    /// bound. Null for at-most targets (being below the ceiling is not "progress") and a target of zero.
    /// </summary>
    public static decimal? Progress(string comparison, decimal value, decimal actual) =>
        comparison is ">=" or ">" or "between" && value > 0 ? Math.Round(Math.Clamp(actual / value, 0m, 1m), 4) : null;
}
