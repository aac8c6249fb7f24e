namespace Qianglian.Core.Investment;

/// <summary>A newly introduced project as the attraction KPIs see it: its planned investment and whether it is manufacturing.</summary>
public sealed record IntroducedProject(Guid Id, decimal PlannedInvestment, bool Manufacturing);

/// <param name="Value">The KPI in percent; null when the base is zero.</param>
public sealed record Kpi(decimal? Value, string Formula, IReadOnlyList<Guid> Behind);

/// <summary>
/// 安康 四: 新引进制造业计划投资金额占新引进项目资金总额比重不低于35%，引进制造业项目到位资金增速不低于15%.
/// </summary>
public static class AttractionKpis
{
    public static Kpi ManufacturingShare(IReadOnlyList<IntroducedProject> introduced)
    {
        var total = introduced.Sum(p => p.PlannedInvestment);
        var manufacturing = introduced.Where(p => p.Manufacturing).ToList();
        var part = manufacturing.Sum(p => p.PlannedInvestment);
        decimal? value = total == 0 ? null : Math.Round(100m * part / total, 1);
        return new Kpi(value, $"制造业计划投资{Wan(part)}万元 ÷ 新引进项目计划投资{Wan(total)}万元 = {(value is { } v ? v + "%" : "—")}",
            manufacturing.Select(p => p.Id).ToList());
    }

    /// <summary>Year-on-year growth of funds in place of manufacturing projects: (this − last) / last.</summary>
    public static Kpi FundsGrowth(decimal thisYear, decimal lastYear, IReadOnlyList<Guid> behind)
    {
        decimal? value = lastYear == 0 ? null : Math.Round(100m * (thisYear - lastYear) / lastYear, 1);
        return new Kpi(value, $"（本年到位{Wan(thisYear)}万元 − 上年到位{Wan(lastYear)}万元）÷ 上年到位{Wan(lastYear)}万元 = {(value is { } v ? v + "%" : "—")}", behind);
    }

    private static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
