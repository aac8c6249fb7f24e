using Qianglian.Core.Enterprises;

namespace Qianglian.Core.Cultivation;

/// <param name="HorizonYears">How many years ahead a projection may cross the threshold to enter the pool.</param>
/// <param name="MinRevenue">Enterprises below this revenue are too small to be in the pool.</param>
public sealed record SmallToScaleSettings(int HorizonYears = 2, decimal MinRevenue = 5_000_000m)
{
    public static readonly SmallToScaleSettings Default = new();
}

/// <param name="CrossesIn">The year the projection first reaches 2000万元, or null.</param>
public sealed record Projection(bool InPool, decimal? Growth, IReadOnlyList<ProjectedYear> Projected, int? CrossesIn, string Reason);

public sealed record ProjectedYear(int Year, decimal Revenue);

/// <summary>
/// 小升规: an industrial enterprise below 2000万元 revenue whose growth would carry it across within the horizon.
/// Growth is the average of the last two years' growth where both exist, else the last year's; the projection
/// compounds it from this year's revenue.
/// </summary>
public static class SmallToScale
{
    public static Projection Project(bool industrial, int year, decimal revenue, decimal? previous, decimal? beforePrevious, SmallToScaleSettings settings)
    {
        if (!industrial) return new(false, null, [], null, "非工业企业");
        if (revenue >= AboveScale.RevenueThreshold) return new(false, null, [], null, "已达规上标准");
        if (revenue < settings.MinRevenue) return new(false, null, [], null, $"营业收入低于入库下限 {settings.MinRevenue / 10_000m:0.##}万元");
        var g1 = EnterpriseValues.Growth(revenue, previous);
        var g0 = previous is { } p ? EnterpriseValues.Growth(p, beforePrevious) : null;
        decimal? growth = g1 is { } a && g0 is { } b ? Math.Round((a + b) / 2, 6) : g1;
        if (growth is not > 0) return new(false, growth, [], null, growth is null ? "缺少上年数据，无法测算增长" : "营业收入未增长");
        var projected = new List<ProjectedYear>();
        var r = revenue;
        int? crosses = null;
        for (var k = 1; k <= settings.HorizonYears; k++)
        {
            r = Math.Round(r * (1 + growth.Value), 2);
            projected.Add(new(year + k, r));
            if (crosses is null && r >= AboveScale.RevenueThreshold) crosses = year + k;
        }
        return crosses is { } c
            ? new(true, growth, projected, c, $"按年均增长 {growth:P1} 测算，{c}年营业收入可达 2000万元")
            : new(false, growth, projected, null, $"按年均增长 {growth:P1} 测算，{settings.HorizonYears}年内达不到 2000万元");
    }

    /// <summary>Net new above-scale enterprises: this year's count minus last year's (entries minus exits).</summary>
    public static (int Entered, int Left, int Net) NetNew(IReadOnlySet<Guid> aboveThisYear, IReadOnlySet<Guid> aboveLastYear)
    {
        var entered = aboveThisYear.Count(id => !aboveLastYear.Contains(id));
        var left = aboveLastYear.Count(id => !aboveThisYear.Contains(id));
        return (entered, left, entered - left);
    }
}
