namespace Qianglian.Core.Projects;

/// <summary>
/// The official calendar: weekends off, public holidays off, and the weekend days declared working days (调休上班).
/// The holidays and make-up working days come from the State Council's notice of each year (国务院办公厅关于X年部分节假日
/// 安排的通知, shipped as data and entered by the office for later years); everything else follows from the weekday.
/// A year whose notice is not entered is counted on weekends alone, and says so: <see cref="YearsWithoutCalendar"/>
/// names the years of a span that were.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workingWeekends;
    private readonly HashSet<int> coveredYears;

    /// <param name="holidays">Days off (休).</param>
    /// <param name="workingWeekends">Weekend days worked (班, 调休上班).</param>
    /// <param name="coveredYears">The years whose holiday arrangement is entered (a notice is recorded for them).</param>
    public HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekends, IEnumerable<int> coveredYears)
    {
        this.holidays = [.. holidays];
        this.workingWeekends = [.. workingWeekends];
        this.coveredYears = [.. coveredYears];
    }

    /// <summary>No holiday arrangement at all: weekends only, and every year reported as without a calendar.</summary>
    public static readonly HolidayCalendar WeekendsOnly = new([], [], []);

    public bool IsWorkingDay(DateOnly day) =>
        workingWeekends.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>Whether the year's holiday arrangement is entered.</summary>
    public bool Covers(int year) => coveredYears.Contains(year);

    /// <summary>
    /// The years of the days counted from <paramref name="from"/> to <paramref name="to"/> (the first day not counted,
    /// as in <see cref="Elapsed"/>) whose arrangement is not entered: those days were counted as weekdays and weekends
    /// only. Empty when every year is covered or the span is empty.
    /// </summary>
    public IReadOnlyList<int> YearsWithoutCalendar(DateOnly from, DateOnly to)
    {
        if (to <= from) return [];
        return Enumerable.Range(from.AddDays(1).Year, to.Year - from.AddDays(1).Year + 1).Where(y => !Covers(y)).ToList();
    }

    /// <summary>
    /// Working days elapsed from <paramref name="from"/> to <paramref name="to"/>: the day of submission is not counted,
    /// the day of decision is (a file accepted on Monday and approved on Tuesday took one working day).
    /// </summary>
    public int Elapsed(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The date by which a number of working days after <paramref name="from"/> have passed.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) left--;
        }
        return day;
    }
}
