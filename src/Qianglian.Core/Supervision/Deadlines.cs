namespace Qianglian.Core.Supervision;

public enum DeadlineState { Open = 0, DueSoon = 1, Overdue = 2, DoneOnTime = 3, DoneLate = 4 }

/// <summary>
/// The deadline of a dated piece of work (an assigned matter, a task, a milestone): open, due soon, overdue, or done
/// on time or late. The due date itself is still in time.
/// </summary>
public static class Deadlines
{
    public static DeadlineState StateOf(DateOnly due, DateOnly? doneOn, DateOnly today, int reminderDays) =>
        doneOn is { } done ? (done <= due ? DeadlineState.DoneOnTime : DeadlineState.DoneLate)
        : today > due ? DeadlineState.Overdue
        : today >= due.AddDays(-reminderDays) ? DeadlineState.DueSoon
        : DeadlineState.Open;
}

/// <summary>
/// 每季度召开重点产业链推进会议 (达州 （二）): the quarters of a year that have ended without a promotion meeting of the
/// chain. The current quarter is not missing until it ends.
/// </summary>
public static class MeetingCadence
{
    public static int QuarterOf(DateOnly day) => (day.Month - 1) / 3 + 1;

    public static IReadOnlyList<int> MissingQuarters(int year, IEnumerable<DateOnly> meetings, DateOnly today)
    {
        var held = meetings.Where(d => d.Year == year).Select(QuarterOf).ToHashSet();
        return Enumerable.Range(1, 4)
            .Where(q => new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1) < today && !held.Contains(q))
            .ToList();
    }
}
