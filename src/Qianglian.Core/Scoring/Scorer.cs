namespace Qianglian.Core.Scoring;

public enum ValueOrigin { Reported = 1, Imputed = 2, Missing = 3 }

/// <summary>One indicator of one subject: the value used, where it came from, the points and the rule written out.</summary>
public sealed record IndicatorScore(string Key, string Name, string? Dimension, decimal? Value, ValueOrigin Origin, decimal Points, decimal MaxPoints, string Rule);

/// <param name="Total">Null when the subject was not scored (exempt, or missing data under <see cref="MissingRule.NotEvaluated"/>).</param>
/// <param name="ClassKey">The key of the class band, the exemption's key, or "" (no band).</param>
/// <param name="Rank">1 = best; tied totals share the better rank.</param>
/// <param name="Notes">Why the class is what it is, beyond the total (exemption, a dimension below its minimum, missing data).</param>
public sealed record SubjectScore(string SubjectId, string Name, decimal? Total, string Class, string ClassKey, int? Rank, bool Exempt,
    IReadOnlyList<IndicatorScore> Lines, IReadOnlyDictionary<string, decimal> Dimensions, IReadOnlyList<string> Notes)
{
    public bool Scored => Total is not null;
}

/// <summary>
/// Scores subjects under a model: exemptions first, then every indicator by its method (missing values by the
/// missing-data rule, averages taken over the subjects of this call), totals and dimension subtotals, then the class
/// by score or by rank share. Deterministic: the same model and values give the same result.
/// </summary>
public static class Scorer
{
    public static IReadOnlyList<SubjectScore> Score(ScoringModel model, IReadOnlyList<Subject> subjects)
    {
        var errors = ModelValidator.Validate(model);
        if (errors.Count > 0) throw new ArgumentException("模型有误 (invalid model): " + string.Join("; ", errors), nameof(model));

        var exemptions = subjects.ToDictionary(s => s.Id, s => model.Exemptions.FirstOrDefault(x => Applies(x, s)));
        var averages = model.Indicators.ToDictionary(i => i.Key, i =>
        {
            var values = subjects.Where(s => exemptions[s.Id] is null).Select(s => Value(s, i.Input)).OfType<decimal>().ToList();
            return values.Count == 0 ? (decimal?)null : Math.Round(values.Average(), 4, MidpointRounding.AwayFromZero);
        });

        // Each subject is scored on its own (the averages are fixed above): a province's million run on every core, in order.
        var scored = subjects.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, Math.Min(Environment.ProcessorCount, subjects.Count / 1000 + 1)))
            .Select(s => exemptions[s.Id] is { } x ? ExemptResult(model, s, x) : ScoreOne(model, s, averages)).ToList();
        return Classify(model, scored);
    }

    private static bool Applies(Exemption x, Subject s) =>
        Value(s, x.Input) is { } v && (x.AtLeast is null || v >= x.AtLeast) && (x.Below is null || v < x.Below);

    private static decimal? Value(Subject s, string key) => s.Values.TryGetValue(key, out var v) ? v : null;

    private static SubjectScore ExemptResult(ScoringModel model, Subject s, Exemption x) =>
        new(s.Id, s.Name, null, x.Class, x.Key, null, true, [], new Dictionary<string, decimal>(),
            [$"豁免：{x.Name}（{Condition(x, Value(s, x.Input))}），不参与评价 (exempt)"]);

    private static string Condition(Exemption x, decimal? v) =>
        $"{x.Input} = {Quantity.Number(v ?? 0)}{(x.AtLeast is { } a ? $" ≥ {Quantity.Number(a)}" : "")}{(x.Below is { } b ? $" < {Quantity.Number(b)}" : "")}";

    private static SubjectScore ScoreOne(ScoringModel model, Subject s, IReadOnlyDictionary<string, decimal?> averages)
    {
        var lines = new List<IndicatorScore>();
        var notes = new List<string>();
        var unscorable = false;
        foreach (var i in model.Indicators)
        {
            var max = IndicatorMethods.MaxPoints(i);
            var value = Value(s, i.Input);
            if (value is { } v)
            {
                var (points, rule) = IndicatorMethods.Score(i, v, i.AltInput is { } alt ? Value(s, alt) : null);
                lines.Add(new(i.Key, i.Name, i.Dimension, v, ValueOrigin.Reported, points, max, rule));
                continue;
            }
            switch (i.Missing ?? model.Missing)
            {
                case MissingRule.ItemAverage when averages[i.Key] is { } average:
                {
                    var (points, rule) = IndicatorMethods.Score(i, average, null);
                    lines.Add(new(i.Key, i.Name, i.Dimension, average, ValueOrigin.Imputed, points, max, $"缺少数据，按本次评价该项平均值 {Quantity.Format(average, i.Unit)} 计：{rule}"));
                    break;
                }
                case MissingRule.NotEvaluated:
                    unscorable = true;
                    lines.Add(new(i.Key, i.Name, i.Dimension, null, ValueOrigin.Missing, 0, max, "缺少数据，按规则不予评价"));
                    notes.Add($"缺少“{i.Name}”数据，未予评价 (missing {i.Key}: not scored)");
                    break;
                default:
                    lines.Add(new(i.Key, i.Name, i.Dimension, null, ValueOrigin.Missing, 0, max, "缺少数据，按 0 分计"));
                    break;
            }
        }
        var dimensions = model.Dimensions.ToDictionary(d => d.Key, d => lines.Where(l => l.Dimension == d.Key).Sum(l => l.Points));
        if (unscorable)
            return new(s.Id, s.Name, null, "", "", null, false, lines, dimensions, notes);
        foreach (var d in model.Dimensions.Where(d => d.Minimum is { } min && dimensions[d.Key] < min))
            notes.Add($"“{d.Name}”得分 {Quantity.Number(dimensions[d.Key])}，低于最低要求 {Quantity.Number(d.Minimum!.Value)} (below the dimension minimum)");
        return new(s.Id, s.Name, lines.Sum(l => l.Points), "", "", null, false, lines, dimensions, notes);
    }

    /// <summary>The rank of each scored subject among <paramref name="scores"/> by subject id: 1 = best, tied totals share the better rank.</summary>
    public static Dictionary<string, int> Ranks(IEnumerable<SubjectScore> scores)
    {
        var ranked = scores.Where(r => r.Scored).OrderByDescending(r => r.Total).ToList();
        var ranks = new Dictionary<string, int>(ranked.Count);
        for (var n = 0; n < ranked.Count; n++)
            ranks[ranked[n].SubjectId] = n > 0 && ranked[n].Total == ranked[n - 1].Total ? ranks[ranked[n - 1].SubjectId] : n + 1;
        return ranks;
    }

    private static IReadOnlyList<SubjectScore> Classify(ScoringModel model, List<SubjectScore> results)
    {
        var c = model.Classification;
        var ranks = Ranks(results);

        return results.Select(r =>
        {
            if (!r.Scored) return r;
            var rank = ranks[r.SubjectId];
            var failsMinimum = model.Dimensions.Any(d => d.Minimum is { } min && r.Dimensions[d.Key] < min);
            var band = failsMinimum ? null : c.Mode == ClassificationMode.ByScore
                ? c.Bands.FirstOrDefault(b => r.Total >= b.MinScore)
                : c.Bands.FirstOrDefault(b => rank <= b.UpToShare!.Value * ranks.Count);
            return r with { Rank = rank, Class = band?.Label ?? c.Otherwise, ClassKey = band is null ? "" : band.Key.Length > 0 ? band.Key : band.Label };
        }).ToList();
    }
}
