namespace Qianglian.Core.Projects;

/// <param name="DueDay">The day of the following month by which a month's report is due, inclusive (黔江: 每月1日前 → 1).</param>
/// <param name="LaggardMarginPoints">A project lags when its completion rate of the annual plan is this many percentage
/// points below the year's time progress (month / 12).</param>
public sealed record DispatchRules(int DueDay, decimal LaggardMarginPoints)
{
    public static readonly DispatchRules Default = new(5, 10);

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (DueDay is < 1 or > 28) yield return ("dispatch.dueDay", $"报送日应为1至28日，实为{DueDay} (the due day must be 1–28)");
        if (LaggardMarginPoints is < 0 or > 100) yield return ("dispatch.laggardMarginPoints", $"滞后判定差值应为0至100个百分点，实为{LaggardMarginPoints} (must be 0–100)");
    }
}

public enum ReportState { NotDue = 0, Overdue = 1, OnTime = 2, Late = 3 }

/// <summary>
/// Monthly dispatch (调度) of projects in construction: who must report for a month, by when, whether a report was
/// on time, and what a report may say. Pure: <c>today</c> is a parameter.
/// </summary>
public static class Dispatch
{
    public static DateOnly MonthEnd(int year, int month) => new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);

    public static DateOnly DueDate(int year, int month, DispatchRules rules) => new DateOnly(year, month, 1).AddMonths(1).AddDays(rules.DueDay - 1);

    /// <summary>A project reports for a month when it was under construction in it: started by the month's end, not completed or terminated before it began.</summary>
    public static bool MustReport(DateOnly? started, DateOnly? completed, DateOnly? terminated, int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return started is { } s && s <= MonthEnd(year, month)
               && !(completed is { } c && c < first) && !(terminated is { } t && t < first);
    }

    public static ReportState StateOf(int year, int month, DateOnly? filedOn, DateOnly today, DispatchRules rules)
    {
        var due = DueDate(year, month, rules);
        if (filedOn is { } on) return on <= due ? ReportState.OnTime : ReportState.Late;
        return today > due ? ReportState.Overdue : ReportState.NotDue;
    }

    /// <summary>
    /// Why a monthly report is refused: a month that has not begun, a negative amount, or a cumulative investment
    /// (the project's other reported months plus this one) above the project's total investment.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Check(int year, int month, DateOnly today, decimal monthInvestment,
        decimal otherMonths, decimal totalInvestment, int? progressPercent)
    {
        var errors = new List<(string, string)>();
        if (month is < 1 or > 12) return [("month", $"月份应为1至12，实为{month} (month must be 1–12)")];
        if (new DateOnly(year, month, 1) > today)
            errors.Add(("month", $"{year}年{month}月尚未开始，不能填报 (a report for a future month)"));
        if (monthInvestment < 0) errors.Add(("monthInvestment", "本月完成投资不能为负数 (must not be negative)"));
        var cumulative = otherMonths + monthInvestment;
        if (totalInvestment > 0 && cumulative > totalInvestment)
            errors.Add(("monthInvestment", $"累计完成投资{Wan(cumulative)}万元将超过总投资{Wan(totalInvestment)}万元 (cumulative investment above the total)"));
        if (progressPercent is < 0 or > 100) errors.Add(("progressPercent", $"形象进度应为0至100%，实为{progressPercent}% (must be 0–100)"));
        return errors;
    }

    public static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
