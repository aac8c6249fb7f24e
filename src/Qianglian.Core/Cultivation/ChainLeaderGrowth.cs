namespace Qianglian.Core.Cultivation;

/// <summary>
/// One year of a 链主's output against a yearly growth target (黔江 2: 促进链主企业实现年产值20%以上高速增长).
/// Amounts in yuan; rates as fractions (0.20 = 20%).
/// </summary>
/// <param name="Required">The output the target asks for this year: last year's × (1 + rate); null without last year.</param>
/// <param name="Met">"以上" includes the number: growth ≥ the rate. Null when it cannot be judged (see <see cref="Missing"/>).</param>
public sealed record GrowthYear(int Year, decimal? Previous, decimal? Output, decimal? Growth, decimal? Required, bool? Met, string? Missing);

public static class ChainLeaderGrowth
{
    /// <summary>Growth of output over the previous year; null when either is missing or last year's is not positive.</summary>
    public static decimal? Growth(decimal? previous, decimal? output) =>
        previous is > 0m && output is { } now ? now / previous.Value - 1m : null;

    /// <summary>Each year from <paramref name="fromYear"/> to <paramref name="toYear"/> against the rate, saying which figure is missing.</summary>
    public static IReadOnlyList<GrowthYear> Track(IReadOnlyDictionary<int, decimal> outputs, int fromYear, int toYear, decimal rate)
    {
        var years = new List<GrowthYear>();
        for (var year = fromYear; year <= toYear; year++)
        {
            decimal? previous = outputs.TryGetValue(year - 1, out var p) ? p : null;
            decimal? output = outputs.TryGetValue(year, out var o) ? o : null;
            var growth = Growth(previous, output);
            var missing = previous is null ? $"缺少{year - 1}年产值"
                : previous <= 0m ? $"{year - 1}年产值为0，无法计算增速"
                : output is null ? $"缺少{year}年产值" : null;
            years.Add(new GrowthYear(year, previous, output, growth, previous is > 0m ? previous.Value * (1m + rate) : null,
                growth is { } g ? g >= rate : null, missing));
        }
        return years;
    }
}
