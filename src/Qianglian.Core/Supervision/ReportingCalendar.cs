namespace Qianglian.Core.Supervision;

/// <summary>A month whose progress a unit reports (e.g. 2025-03).</summary>
public readonly record struct ReportPeriod(int Year, int Month) : IComparable<ReportPeriod>
{
    public static ReportPeriod Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-' || !int.TryParse(text[..4], out var y) || !int.TryParse(text[5..], out var m) || m is < 1 or > 12 || y < 2000)
            return false;
        period = new ReportPeriod(y, m);
        return true;
    }

    public ReportPeriod Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public DateOnly FirstDay => new(Year, Month, 1);
    public int CompareTo(ReportPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);
    public static bool operator <(ReportPeriod a, ReportPeriod b) => a.CompareTo(b) < 0;
    public static bool operator >(ReportPeriod a, ReportPeriod b) => a.CompareTo(b) > 0;
    public static bool operator <=(ReportPeriod a, ReportPeriod b) => a.CompareTo(b) <= 0;
    public static bool operator >=(ReportPeriod a, ReportPeriod b) => a.CompareTo(b) >= 0;
    public override string ToString() => $"{Year:D4}-{Month:D2}";
}

/// <param name="DueDay">The day of the following month by which a month's report is due, inclusive (黔江: 于每月1日前报送 → 1).</param>
/// <param name="ReminderDays">How many days before the due date the unit is reminded.</param>
public sealed record ReportingRules(int DueDay, int ReminderDays)
{
    public static readonly ReportingRules Default = new(1, 3);

    public IEnumerable<(string Field, string Message)> Problems()
    {
        if (DueDay is < 1 or > 28) yield return ("reportDueDay", $"报送日应为1至28日，实为{DueDay} (the due day must be 1–28)");
        if (ReminderDays is < 0 or > 27) yield return ("reminderDays", $"提前提醒天数应为0至27天，实为{ReminderDays} (reminder days must be 0–27)");
    }
}

public enum ReportState { NotDue = 0, DueSoon = 1, Overdue = 2, OnTime = 3, Late = 4 }

/// <summary>
/// Monthly progress reports (黔江 四（一）: 按要求梳理工作进展……于每月1日前报送): when a month's report is due, whether the
/// unit is reminded, overdue, on time or late, and which months a task owes. Pure: <c>today</c> is a parameter.
/// </summary>
public static class ReportingCalendar
{
    public static DateOnly DueDate(ReportPeriod period, ReportingRules rules) => period.Next().FirstDay.AddDays(rules.DueDay - 1);

    public static ReportState StateOf(ReportPeriod period, DateOnly? submittedOn, DateOnly today, ReportingRules rules)
    {
        var due = DueDate(period, rules);
        if (submittedOn is { } on) return on <= due ? ReportState.OnTime : ReportState.Late;
        if (today > due) return ReportState.Overdue;
        return today >= due.AddDays(-rules.ReminderDays) ? ReportState.DueSoon : ReportState.NotDue;
    }

    /// <summary>
    /// The months a task owes reports for up to <paramref name="today"/>: from the month it started to the month it
    /// finished (or is due), counting only months whose report is already due or in the reminder window.
    /// </summary>
    public static IReadOnlyList<ReportPeriod> Owed(DateOnly start, DateOnly? end, DateOnly today, ReportingRules rules)
    {
        var periods = new List<ReportPeriod>();
        var last = ReportPeriod.Of(end is { } e && e < today ? e : today);
        for (var p = ReportPeriod.Of(start); p <= last; p = p.Next())
            if (today >= DueDate(p, rules).AddDays(-rules.ReminderDays)) periods.Add(p);
        return periods;
    }
}
