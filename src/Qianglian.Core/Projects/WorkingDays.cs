namespace Qianglian.Core.Projects;

/// <summary>
/// The official calendar: weekends off, public holidays off, and the weekend days declared working days (调休上班).
/// The administrator maintains the holidays and make-up working days; everything else follows from the weekday.
/// </summary>
public sealed class HolidayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekends)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];
    private readonly HashSet<DateOnly> workingWeekends = [.. workingWeekends];

    public static readonly HolidayCalendar WeekendsOnly = new([], []);

    public bool IsWorkingDay(DateOnly day) =>
        workingWeekends.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

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
