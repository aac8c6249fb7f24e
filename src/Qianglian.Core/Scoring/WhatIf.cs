namespace Qianglian.Core.Scoring;

/// <summary>The smallest change of one indicator that lifts a subject to the next class, the others held.</summary>
/// <param name="Needed">The value that reaches the target; null when this indicator alone cannot.</param>
public sealed record Lift(string Key, string Name, decimal? Current, decimal? Needed, decimal? Change, decimal PointsGained, string Text);

/// <param name="TargetClass">The next better class; null when the subject is in the best class or cannot be lifted.</param>
public sealed record WhatIfResult(string? TargetClass, decimal? TargetScore, decimal? Total, IReadOnlyList<Lift> Lifts, string Summary);

/// <summary>
/// What-if: for a scored subject, the total the next better class needs (its minimum score; by rank share, the lowest
/// total now in that class, which a tie reaches), then per indicator the value nearest the current one that adds the
/// missing points. Others' results are held as they are.
/// </summary>
public static class WhatIf
{
    public static WhatIfResult Lift(ScoringModel model, SubjectScore subject, IReadOnlyList<SubjectScore> cohort) =>
        Lift(model, subject, LowestTotals(cohort));

    /// <summary>The lowest total now in each class, by class key: all a rank-share what-if needs of the cohort.</summary>
    public static IReadOnlyDictionary<string, decimal> LowestTotals(IEnumerable<SubjectScore> cohort) => LowestTotals(cohort.Select(r => (r.Total, r.ClassKey)));

    /// <inheritdoc cref="LowestTotals(IEnumerable{SubjectScore})"/> (the unscored and those in no class left out)
    public static IReadOnlyDictionary<string, decimal> LowestTotals(IEnumerable<(decimal? Total, string ClassKey)> cohort) =>
        cohort.Where(r => r.Total is not null && r.ClassKey.Length > 0).GroupBy(r => r.ClassKey).ToDictionary(g => g.Key, g => g.Min(r => r.Total!.Value));

    public static WhatIfResult Lift(ScoringModel model, SubjectScore subject, IReadOnlyDictionary<string, decimal> lowestTotalByClass)
    {
        if (!subject.Scored) return new(null, null, null, [], "未参与评分，无法测算 (not scored)");
        var bands = model.Classification.Bands;
        var index = bands.FindIndex(b => (b.Key.Length > 0 ? b.Key : b.Label) == subject.ClassKey);
        if (index == 0) return new(null, null, subject.Total, [], "已在最高档 (already in the best class)");
        // Failing a dimension minimum is lifted by that dimension, not by the total.
        if (model.Dimensions.Any(d => d.Minimum is { } min && subject.Dimensions[d.Key] < min))
            return new(null, null, subject.Total, [], "有维度得分低于最低要求，须先补足该维度 (a dimension is below its minimum)");
        var band = bands[index < 0 ? bands.Count - 1 : index - 1];
        decimal? target = model.Classification.Mode == ClassificationMode.ByScore
            ? band.MinScore
            : lowestTotalByClass.TryGetValue(band.Key.Length > 0 ? band.Key : band.Label, out var lowest) ? lowest : null;
        if (target is not { } t) return new(band.Label, null, subject.Total, [], $"“{band.Label}”档目前无企业，无法按排名测算 (no subject in the target class)");
        var needed = Math.Max(0.01m, t - subject.Total!.Value);

        var lifts = new List<Lift>();
        foreach (var i in model.Indicators)
        {
            if (subject.Lines.FirstOrDefault(l => l.Key == i.Key) is not { } line) continue;
            var current = line.Value ?? 0m;
            var goal = line.Points + needed;
            var value = IndicatorMethods.ValueFor(i, goal, current);
            if (value is not { } v || (line.Value is not null && v == current))
            {
                lifts.Add(new(i.Key, i.Name, line.Value, null, null, 0, $"{i.Name}：单项最多 {Quantity.Number(IndicatorMethods.MaxPoints(i))} 分，仅靠此项无法达到"));
                continue;
            }
            var gained = IndicatorMethods.Points(i, v, null) - line.Points;
            lifts.Add(new(i.Key, i.Name, line.Value, v, v - current, gained,
                $"{i.Name}：由 {Quantity.Format(line.Value, i.Unit)} {(v >= current ? "提高" : "降低")}到 {Quantity.Format(v, i.Unit)}（{(v >= current ? "+" : "−")}{Quantity.FormatChange(Math.Abs(v - current), i.Unit)}），得分 +{Quantity.Number(gained)}"));
        }
        return new(band.Label, t, subject.Total, lifts, $"升至“{band.Label}”须总分达到 {Quantity.Number(t)}，还差 {Quantity.Number(needed)} 分");
    }
}
