using System.Globalization;

namespace Qianglian.Core.Evaluation;

/// <summary>A forecast of a target's actual at its deadline, with the method written out; Value null when none is possible.</summary>
public sealed record Projection(decimal? Value, string Method);

/// <summary>
/// Two simple, stated forecasts: a flow of the current year (projects started, reserve listed …) runs on linearly
/// from the months elapsed; anything else is carried to the target year at the average yearly growth of the last
/// years with an actual (at least two). Neither guesses when the data do not allow it.
/// </summary>
public static class Forecast
{
    /// <summary>The year's flow extrapolated from its first <paramref name="monthsElapsed"/> months: so far × 12 ÷ months.</summary>
    public static Projection FromMonths(decimal soFar, int monthsElapsed)
    {
        if (monthsElapsed is < 1 or > 12) return new(null, "本年尚无完整月份，无法按月推算 (no full month yet)");
        var value = Math.Round(soFar * 12m / monthsElapsed, 2);
        return new(value, $"按前{monthsElapsed}个月线性推算：{N(soFar)} × 12 ÷ {monthsElapsed} = {N(value)}");
    }

    /// <summary>
    /// The latest actual carried to <paramref name="targetYear"/> at the average yearly growth between the first and
    /// the last year of <paramref name="history"/> (compound: (last ÷ first)^(1/years) − 1).
    /// </summary>
    public static Projection FromHistory(IReadOnlyList<(int Year, decimal Value)> history, int targetYear)
    {
        var points = history.OrderBy(h => h.Year).ToList();
        if (points.Count < 2) return new(null, "不足两年数据，无法按增速推算 (needs two years of actuals)");
        var (first, last) = (points[0], points[^1]);
        if (last.Year >= targetYear) return new(last.Value, $"{last.Year}年实际值 {N(last.Value)}");
        if (first.Value <= 0 || last.Value <= 0) return new(null, $"{first.Year}或{last.Year}年实际值为0，无法按增速推算 (zero actual)");
        var years = last.Year - first.Year;
        var rate = Math.Pow((double)(last.Value / first.Value), 1.0 / years) - 1.0;
        var value = Math.Round(last.Value * (decimal)Math.Pow(1.0 + rate, targetYear - last.Year), 2);
        return new(value, $"按{first.Year}—{last.Year}年平均增速{P(rate)}%推至{targetYear}年：{N(last.Value)} × (1 {(rate < 0 ? "−" : "+")} {P(Math.Abs(rate))}%)^{targetYear - last.Year} = {N(value)}");
    }

    private static string P(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
