namespace Qianglian.Core.Projects;

/// <param name="DueOn">The working day on which the limit is reached: the limit's number of working days after the
/// first submission, on the jurisdiction's holiday calendar (the day of submission not counted, as in <see cref="HolidayCalendar.Elapsed"/>).</param>
/// <param name="ElapsedWorkingDays">Working days from the first submission to today.</param>
/// <param name="WorkingDaysLeft">Working days from today to <paramref name="DueOn"/> (negative once past it).</param>
/// <param name="Over">The elapsed time exceeds the limit — the same test as <see cref="ApprovalFigures.OverLimit"/>.</param>
/// <param name="Near">Not over, and at most the window's working days left.</param>
public sealed record ApprovalDeadlineState(DateOnly DueOn, int Limit, int ElapsedWorkingDays, int WorkingDaysLeft, bool Over, bool Near);

/// <summary>
/// When a project's approvals reach their time limit. 安康 九: “社会投资的核准（备案）类建设项目审批时限严格控制在70个
/// 工作日内” — the clock runs, as <see cref="ApprovalRules.Assess"/> counts it, from the first submission until every
/// required approval is done. The limit is the jurisdiction's (its pack); where none is set there is no deadline, and
/// none is invented.
/// </summary>
public static class ApprovalDeadline
{
    /// <summary>
    /// The deadline of a project's open approvals, or null when there is nothing to watch: no limit configured, no
    /// approval submitted yet, or every required approval done (the clock has stopped).
    /// </summary>
    /// <param name="windowDays">How many working days before the due date count as near (the reminder window).</param>
    public static ApprovalDeadlineState? Of(IReadOnlyList<ApprovalRecord> records, HolidayCalendar calendar, int limit, DateOnly today, int windowDays)
    {
        if (limit <= 0) return null;
        var figures = ApprovalRules.Assess(records, calendar, limit, today);
        if (figures.Required == 0 || figures.Done == figures.Required || figures.ElapsedWorkingDays is not { } elapsed) return null;
        var first = records.Where(r => r.SubmittedOn is not null).Min(r => r.SubmittedOn!.Value);
        var due = calendar.AddWorkingDays(first, limit);
        var left = due >= today ? calendar.Elapsed(today, due) : -calendar.Elapsed(due, today);
        return new ApprovalDeadlineState(due, limit, elapsed, left, figures.OverLimit, !figures.OverLimit && left <= windowDays);
    }
}
