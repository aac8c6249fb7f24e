using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

/// <summary>安康 九's 70 working days as a deadline: reached on the calendar's working day, near inside the window, over after it, gone once done.</summary>
public class ApprovalDeadlineTests
{
    // 2025 National Day: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked (国务院办公厅 2025 notice).
    private static readonly HolidayCalendar Calendar2025 = new(
        Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)], [2025]);

    private static ApprovalRecord Open(ApprovalKind kind, DateOnly submitted) => new(kind, ApprovalStatus.InProgress, submitted, null, null);

    [Fact]
    public void The_limit_is_reached_on_the_working_day_counted_on_the_jurisdictions_calendar()
    {
        // Submitted Fri 09-26 with a limit of 6: 09-28 (make-up Sun), 29, 30, then the holiday, 10-09, 10-10, 10-11 (make-up Sat).
        ApprovalRecord[] records = [Open(ApprovalKind.Planning, new DateOnly(2025, 9, 30)), Open(ApprovalKind.Land, new DateOnly(2025, 9, 26))];
        var state = ApprovalDeadline.Of(records, Calendar2025, 6, new DateOnly(2025, 9, 29), 3)!;
        Assert.Equal(new DateOnly(2025, 10, 11), state.DueOn);   // from the first submission
        Assert.Equal(2, state.ElapsedWorkingDays);
        Assert.Equal(4, state.WorkingDaysLeft);
        Assert.False(state.Near);
        Assert.False(state.Over);

        var near = ApprovalDeadline.Of(records, Calendar2025, 6, new DateOnly(2025, 10, 5), 3)!;   // in the holiday: 3 working days left
        Assert.Equal((3, true, false), (near.WorkingDaysLeft, near.Near, near.Over));

        var onDay = ApprovalDeadline.Of(records, Calendar2025, 6, new DateOnly(2025, 10, 11), 3)!;
        Assert.Equal((0, true, false), (onDay.WorkingDaysLeft, onDay.Near, onDay.Over));

        var over = ApprovalDeadline.Of(records, Calendar2025, 6, new DateOnly(2025, 10, 13), 3)!;
        Assert.Equal((-1, false, true), (over.WorkingDaysLeft, over.Near, over.Over));
        // The same test as the project's figures.
        Assert.True(ApprovalRules.Assess(records, Calendar2025, 6, new DateOnly(2025, 10, 13)).OverLimit);
    }

    [Fact]
    public void Seventy_working_days_on_weekends_alone_are_fourteen_weeks()
    {
        ApprovalRecord[] records = [Open(ApprovalKind.Environment, new DateOnly(2026, 3, 2))];   // a Monday
        var state = ApprovalDeadline.Of(records, HolidayCalendar.WeekendsOnly, 70, new DateOnly(2026, 3, 2), 3)!;
        Assert.Equal(new DateOnly(2026, 6, 8), state.DueOn);   // the Monday fourteen weeks on
        Assert.Equal(70, state.WorkingDaysLeft);
    }

    [Fact]
    public void No_limit_nothing_submitted_or_everything_done_gives_no_deadline()
    {
        var today = new DateOnly(2025, 12, 31);
        ApprovalRecord[] open = [Open(ApprovalKind.Planning, new DateOnly(2024, 1, 2))];
        Assert.Null(ApprovalDeadline.Of(open, HolidayCalendar.WeekendsOnly, 0, today, 3));   // never invented
        Assert.Null(ApprovalDeadline.Of([], HolidayCalendar.WeekendsOnly, 70, today, 3));
        var done = Enum.GetValues<ApprovalKind>()
            .Select(k => k == ApprovalKind.Safety
                ? new ApprovalRecord(k, ApprovalStatus.NotRequired, null, null, null)
                : new ApprovalRecord(k, ApprovalStatus.Approved, new DateOnly(2024, 1, 2), new DateOnly(2025, 6, 1), null)).ToList();
        Assert.Null(ApprovalDeadline.Of(done, HolidayCalendar.WeekendsOnly, 70, today, 3));
        // One left open (tolerated counts as not done): the clock still runs and it is over.
        done[0] = done[0] with { Status = ApprovalStatus.Tolerated, ApprovedOn = null, CommitmentDeadline = today };
        Assert.True(ApprovalDeadline.Of(done, HolidayCalendar.WeekendsOnly, 70, today, 3)!.Over);
    }
}
