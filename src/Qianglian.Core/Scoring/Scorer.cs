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
/// What scoring decided for one subject, without the lines behind it (<see cref="Scorer.Explain"/> writes those out
/// again from the subject's values): a province's million outcomes are totals and classes, not text.
/// </summary>
public readonly record struct Outcome(decimal? Total, string Class, string ClassKey, int? Rank, bool Exempt, IReadOnlyList<string> Notes)
{
    public bool Scored => Total is not null;
}

/// <summary>
/// The outcomes of a population, in subject order, and the averages the missing-data rule imputed (by indicator key,
/// for the indicators that impute and have any value): with the model and a subject's values, all it takes to explain
/// that subject again.
/// </summary>
public sealed record PopulationScores(IReadOnlyList<Outcome> Outcomes, IReadOnlyDictionary<string, decimal> Averages);

/// <summary>
/// Scores subjects under a model: exemptions first, then every indicator by its method (missing values by the
/// missing-data rule, averages taken over the subjects of this call), totals and dimension subtotals, then the class
/// by score or by rank share. Deterministic: the same model and values give the same result. A population is scored
/// as outcomes (<see cref="ScoreAll"/>); the text of any one subject's lines follows from its values
/// (<see cref="Explain"/>), by the same arithmetic.
/// </summary>
public static class Scorer
{
    /// <summary>Scores and explains every subject (a handful: an enterprise's page, a chain index, the tests).</summary>
    public static IReadOnlyList<SubjectScore> Score(ScoringModel model, IReadOnlyList<Subject> subjects)
    {
        var compiled = CompiledModel.Of(model);
        var rows = subjects.Select(s => compiled.Row(s.Values)).ToList();
        var scores = ScoreAll(compiled, rows);
        return subjects.Select((s, n) => Explain(compiled, s.Id, s.Name, rows[n], scores.Averages, scores.Outcomes[n])).ToList();
    }

    /// <summary>The outcome of every row (each row in <see cref="CompiledModel.Inputs"/> order), scored on every core.</summary>
    public static PopulationScores ScoreAll(CompiledModel model, IReadOnlyList<decimal?[]> rows)
    {
        var exemptions = new int[rows.Count];
        ForEachRange(rows.Count, (from, to) =>
        {
            for (var n = from; n < to; n++) exemptions[n] = ExemptionOf(model, rows[n]);
        });
        var averages = Averages(model, rows, exemptions);
        var averageRow = AverageRow(model, averages);
        var tallies = new Tally[rows.Count];
        ForEachRange(rows.Count, (from, to) =>
        {
            var dimensions = new decimal[model.Model.Dimensions.Count];
            for (var n = from; n < to; n++) tallies[n] = Evaluate(model, rows[n], exemptions[n], averageRow, null, dimensions);
        });
        return new PopulationScores(Classify(model.Model, tallies), averages);
    }

    /// <summary>
    /// A subject's score written out — every indicator's value, points and rule, the dimension subtotals and notes —
    /// from its values and the population's <paramref name="averages"/>, with the class and rank of its outcome.
    /// </summary>
    public static SubjectScore Explain(CompiledModel model, string id, string name, decimal?[] row, IReadOnlyDictionary<string, decimal> averages, Outcome outcome)
    {
        var lines = new List<IndicatorScore>(model.Model.Indicators.Count);
        var dimensions = new decimal[model.Model.Dimensions.Count];
        var exemption = ExemptionOf(model, row);
        var tally = Evaluate(model, row, exemption, AverageRow(model, averages), lines, dimensions);
        if (tally.Total != outcome.Total)
            throw new InvalidOperationException($"{id}: the values give {tally.Total}, the stored outcome {outcome.Total}");
        var subtotals = exemption >= 0 ? new Dictionary<string, decimal>()
            : model.Model.Dimensions.Select((d, n) => (d.Key, dimensions[n])).ToDictionary(d => d.Key, d => d.Item2);
        return new SubjectScore(id, name, tally.Total, outcome.Class, outcome.ClassKey, outcome.Rank, outcome.Exempt, lines, subtotals, tally.Notes);
    }

    /// <summary>A subject's total, the exemption that applies (-1: none), whether a dimension fails its minimum, and the notes.</summary>
    private readonly record struct Tally(decimal? Total, int Exemption, bool FailsMinimum, IReadOnlyList<string> Notes);

    private static int ExemptionOf(CompiledModel model, decimal?[] row)
    {
        var exemptions = model.Model.Exemptions;
        for (var x = 0; x < exemptions.Count; x++)
            if (row[model.ExemptionSlot[x]] is { } v && (exemptions[x].AtLeast is not { } least || v >= least) && (exemptions[x].Below is not { } below || v < below))
                return x;
        return -1;
    }

    /// <summary>
    /// One subject's points: the only place the arithmetic is done, for scoring (no <paramref name="lines"/>) and for
    /// explaining alike, so an explanation always adds up to the stored total.
    /// </summary>
    private static Tally Evaluate(CompiledModel m, decimal?[] row, int exemption, decimal?[] averages, List<IndicatorScore>? lines, decimal[] dimensions)
    {
        var model = m.Model;
        if (exemption >= 0)
        {
            var x = model.Exemptions[exemption];
            return new(null, exemption, false, [$"豁免：{x.Name}（{Condition(x, row[m.ExemptionSlot[exemption]])}），不参与评价 (exempt)"]);
        }
        Array.Clear(dimensions);
        var total = 0m;
        var unscorable = false;
        List<string>? notes = null;
        for (var n = 0; n < model.Indicators.Count; n++)
        {
            var i = model.Indicators[n];
            decimal points;
            if (row[m.InputSlot[n]] is { } v)
            {
                var alt = m.AltSlot[n] < 0 ? null : row[m.AltSlot[n]];
                points = IndicatorMethods.Points(i, v, alt);
                lines?.Add(new(i.Key, i.Name, i.Dimension, v, ValueOrigin.Reported, points, m.MaxPoints[n], IndicatorMethods.Rule(i, v, alt)));
            }
            else
            {
                points = 0;
                switch (i.Missing ?? model.Missing)
                {
                    case MissingRule.ItemAverage when averages[n] is { } average:
                        points = IndicatorMethods.Points(i, average, null);
                        lines?.Add(new(i.Key, i.Name, i.Dimension, average, ValueOrigin.Imputed, points, m.MaxPoints[n],
                            $"缺少数据，按本次评价该项平均值 {Quantity.Format(average, i.Unit)} 计：{IndicatorMethods.Rule(i, average, null)}"));
                        break;
                    case MissingRule.NotEvaluated:
                        unscorable = true;
                        lines?.Add(new(i.Key, i.Name, i.Dimension, null, ValueOrigin.Missing, 0, m.MaxPoints[n], "缺少数据，按规则不予评价"));
                        (notes ??= []).Add($"缺少“{i.Name}”数据，未予评价 (missing {i.Key}: not scored)");
                        break;
                    default:
                        lines?.Add(new(i.Key, i.Name, i.Dimension, null, ValueOrigin.Missing, 0, m.MaxPoints[n], "缺少数据，按 0 分计"));
                        break;
                }
            }
            total += points;
            if (m.DimensionOf[n] >= 0) dimensions[m.DimensionOf[n]] += points;
        }
        if (unscorable) return new(null, -1, false, notes!);
        var failsMinimum = false;
        for (var d = 0; d < model.Dimensions.Count; d++)
        {
            if (model.Dimensions[d].Minimum is not { } min || dimensions[d] >= min) continue;
            failsMinimum = true;
            (notes ??= []).Add($"“{model.Dimensions[d].Name}”得分 {Quantity.Number(dimensions[d])}，低于最低要求 {Quantity.Number(min)} (below the dimension minimum)");
        }
        return new(total, -1, failsMinimum, notes ?? (IReadOnlyList<string>)[]);
    }

    private static string Condition(Exemption x, decimal? v) =>
        $"{x.Input} = {Quantity.Number(v ?? 0)}{(x.AtLeast is { } a ? $" ≥ {Quantity.Number(a)}" : "")}{(x.Below is { } b ? $" < {Quantity.Number(b)}" : "")}";

    /// <summary>The average value of each imputing indicator over the subjects not exempt that have one (rounded to 4 places).</summary>
    private static Dictionary<string, decimal> Averages(CompiledModel m, IReadOnlyList<decimal?[]> rows, int[] exemptions)
    {
        var averages = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var n = 0; n < m.Model.Indicators.Count; n++)
        {
            var i = m.Model.Indicators[n];
            if ((i.Missing ?? m.Model.Missing) != MissingRule.ItemAverage) continue;
            var (sum, count) = (0m, 0);
            for (var r = 0; r < rows.Count; r++)
                if (exemptions[r] < 0 && rows[r][m.InputSlot[n]] is { } v) (sum, count) = (sum + v, count + 1);
            if (count > 0) averages[i.Key] = Math.Round(sum / count, 4, MidpointRounding.AwayFromZero);
        }
        return averages;
    }

    private static decimal?[] AverageRow(CompiledModel m, IReadOnlyDictionary<string, decimal> averages) =>
        [.. m.Model.Indicators.Select(i => averages.TryGetValue(i.Key, out var a) ? a : (decimal?)null)];

    /// <summary>The rank of each scored subject among <paramref name="scores"/> by subject id: 1 = best, tied totals share the better rank.</summary>
    public static Dictionary<string, int> Ranks(IEnumerable<SubjectScore> scores)
    {
        var scored = scores.Where(r => r.Scored).ToList();
        var ranks = Ranks(scored.Select(s => s.Total).ToList());
        return scored.Select((s, n) => (s.SubjectId, ranks[n]!.Value)).ToDictionary(x => x.SubjectId, x => x.Item2);
    }

    /// <summary>The rank of each total (null for none): 1 = best, tied totals share the better rank.</summary>
    public static int?[] Ranks(IReadOnlyList<decimal?> totals)
    {
        var order = Enumerable.Range(0, totals.Count).Where(n => totals[n] is not null).ToArray();
        var keys = order.Select(n => -totals[n]!.Value).ToArray();
        Array.Sort(keys, order);
        var ranks = new int?[totals.Count];
        for (var k = 0; k < order.Length; k++)
            ranks[order[k]] = k > 0 && keys[k] == keys[k - 1] ? ranks[order[k - 1]] : k + 1;
        return ranks;
    }

    private static Outcome[] Classify(ScoringModel model, Tally[] tallies)
    {
        var c = model.Classification;
        var ranks = Ranks(tallies.Select(t => t.Total).ToList());
        var scored = tallies.Count(t => t.Total is not null);
        var outcomes = new Outcome[tallies.Length];
        for (var n = 0; n < tallies.Length; n++)
        {
            var t = tallies[n];
            if (t.Exemption >= 0)
            {
                var x = model.Exemptions[t.Exemption];
                outcomes[n] = new(null, x.Class, x.Key, null, true, t.Notes);
                continue;
            }
            if (t.Total is not { } total)
            {
                outcomes[n] = new(null, "", "", null, false, t.Notes);
                continue;
            }
            var rank = ranks[n]!.Value;
            ClassBand? band = null;
            if (!t.FailsMinimum)
                foreach (var b in c.Bands)
                    if (c.Mode == ClassificationMode.ByScore ? total >= b.MinScore : rank <= b.UpToShare!.Value * scored)
                    {
                        band = b;
                        break;
                    }
            outcomes[n] = new(total, band?.Label ?? c.Otherwise, band is null ? "" : band.Key.Length > 0 ? band.Key : band.Label, rank, false, t.Notes);
        }
        return outcomes;
    }

    /// <summary>Runs <paramref name="body"/> over ranges of [0, count): on every core for a population, inline for a handful.</summary>
    private static void ForEachRange(int count, Action<int, int> body)
    {
        const int Range = 4096;
        if (count <= Range) body(0, count);
        else Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, count, Range), r => body(r.Item1, r.Item2));
    }
}
