namespace Qianglian.Core.Scoring;

/// <summary>The three scoring methods: points of a value, the rule written out, and the inverse the what-if needs.</summary>
public static class IndicatorMethods
{
    public static (decimal Points, string Rule) Score(Indicator i, decimal value, decimal? alt) => (Points(i, value, alt), Rule(i, value, alt));

    /// <summary>The points of a value: what <see cref="Rule"/> writes out, without the text (a province scores a million subjects).</summary>
    public static decimal Points(Indicator i, decimal value, decimal? alt)
    {
        switch (i.Method)
        {
            case ScoringMethod.BenchmarkRatio:
                return Quantity.Points(Ratio(i, value) * i.Weight);
            case ScoringMethod.EfficacyCoefficient:
                return Quantity.Points(Coefficient(i, value, out _) * i.Weight / 100m);
            default:
                foreach (var band in i.Bands)
                    if (InBand(band, value, alt)) return band.Points;
                return 0;
        }
    }

    /// <summary>How <see cref="Points"/> came about, written out with its numbers.</summary>
    public static string Rule(Indicator i, decimal value, decimal? alt)
    {
        string Q(decimal v) => Quantity.Format(v, i.Unit);
        var points = Points(i, value, alt);
        switch (i.Method)
        {
            case ScoringMethod.BenchmarkRatio:
                return $"min({Q(value)} ÷ 基准 {Q(i.Benchmark!.Value)}, {Quantity.Number(i.Cap)}) × {Quantity.Number(i.Weight)} = {Quantity.Number(points)}";
            case ScoringMethod.EfficacyCoefficient:
            {
                var (good, bad) = (i.Good!.Value, i.Bad!.Value);
                var coefficient = Coefficient(i, value, out var held);
                var note = held != value ? $"（按{(held == good ? "满意值" : "不允许值")}计）" : "";
                return $"60 + 40 × ({Q(held)} − {Q(bad)}) ÷ ({Q(good)} − {Q(bad)}) = {Quantity.Number(coefficient)}{note}，× {Quantity.Number(i.Weight)}% = {Quantity.Number(points)}";
            }
            default:
            {
                var band = i.Bands.FirstOrDefault(b => InBand(b, value, alt));
                if (band is null) return $"{Q(value)} 不在任何档，0 分";
                return $"{Q(value)}{(alt is { } a && i.AltInput is not null ? $"（或 {Quantity.Format(a, i.AltUnit)}）" : "")} 属于“{BandText(i, band)}”档，{Quantity.Number(band.Points)} 分";
            }
        }
    }

    /// <summary><c>min(value / benchmark, cap)</c>, a value below zero counting as zero.</summary>
    private static decimal Ratio(Indicator i, decimal value) => Math.Min(Math.Max(value, 0) / i.Benchmark!.Value, i.Cap);

    /// <summary><c>60 + 40 × (held − bad) / (good − bad)</c>, the value held between bad and good.</summary>
    private static decimal Coefficient(Indicator i, decimal value, out decimal held)
    {
        var (good, bad) = (i.Good!.Value, i.Bad!.Value);
        held = good > bad ? Math.Clamp(value, bad, good) : Math.Clamp(value, good, bad);
        return 60m + 40m * (held - bad) / (good - bad);
    }

    public static bool InBand(Band b, decimal value, decimal? alt) =>
        ((b.Min is null || value >= b.Min) && (b.Max is null || value <= b.Max))
        || (b.AltMin is { } am && alt is { } a && a >= am);

    public static string BandText(Indicator i, Band b)
    {
        if (b.Label is { Length: > 0 } label) return label;
        var parts = new List<string>();
        if (b.Min is { } min) parts.Add($"≥ {Quantity.Format(min, i.Unit)}");
        if (b.Max is { } max) parts.Add($"≤ {Quantity.Format(max, i.Unit)}");
        if (b.AltMin is { } am) parts.Add($"或 ≥ {Quantity.Format(am, i.AltUnit)}");
        return parts.Count == 0 ? "其余" : string.Join(" 且 ", parts);
    }

    /// <summary>The most points the indicator can give.</summary>
    public static decimal MaxPoints(Indicator i) => i.Method switch
    {
        ScoringMethod.BenchmarkRatio => Quantity.Points(i.Cap * i.Weight),
        ScoringMethod.EfficacyCoefficient => i.Weight,
        _ => i.Bands.Count == 0 ? 0 : i.Bands.Max(b => b.Points),
    };

    /// <summary>
    /// The value nearest to <paramref name="current"/> that scores at least <paramref name="points"/>, or null when
    /// no value does. Ratio and efficacy invert their formula (rounded up to a cent of the unit and re-checked);
    /// bands give the nearest edge of a band that scores enough.
    /// </summary>
    public static decimal? ValueFor(Indicator i, decimal points, decimal current)
    {
        if (points > MaxPoints(i)) return null;
        switch (i.Method)
        {
            case ScoringMethod.BenchmarkRatio:
                return Ensure(i, points, RoundUp(points / i.Weight * i.Benchmark!.Value, i.Unit));
            case ScoringMethod.EfficacyCoefficient:
            {
                var (good, bad) = (i.Good!.Value, i.Bad!.Value);
                var coefficient = Math.Max(60m, 100m * points / i.Weight);
                var v = bad + (coefficient - 60m) / 40m * (good - bad);
                return Ensure(i, points, good > bad ? RoundUp(v, i.Unit) : RoundDown(v, i.Unit));
            }
            default:
            {
                var edges = i.Bands.Where(b => b.Points >= points)
                    .Select(b => b.Min is { } min && current < min ? min : b.Max is { } max && current > max ? max : current)
                    .ToList();
                return edges.Count == 0 ? null : edges.MinBy(v => Math.Abs(v - current));
            }
        }
    }

    // A value found by inverting the formula may miss by a rounding step: walk it by that step until it scores.
    private static decimal? Ensure(Indicator i, decimal points, decimal v)
    {
        var step = Step(i.Unit) * (i.Method == ScoringMethod.EfficacyCoefficient && i.Good < i.Bad ? -1 : 1);
        for (var n = 0; n < 100; n++, v += step)
            if (Points(i, v, null) >= points) return v;
        return null;
    }

    private static decimal Step(string? unit) => unit == Quantity.Ratio ? 0.0001m : unit == Quantity.Yuan ? 100m : 0.01m;
    private static decimal RoundUp(decimal v, string? unit) => Math.Ceiling(v / Step(unit)) * Step(unit);
    private static decimal RoundDown(decimal v, string? unit) => Math.Floor(v / Step(unit)) * Step(unit);
}
