using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class CalendarAndApprovalTests
{
    // 2025 National Day: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked (国务院办公厅 2025 notice).
    private static readonly HolidayCalendar Calendar2025 = new(
        Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)], [2025]);

    [Fact]
    public void Working_days_skip_weekends_and_holidays_and_count_make_up_days()
    {
        // Mon 2025-09-22 → Fri 2025-09-26: four working days after the day of submission.
        Assert.Equal(4, HolidayCalendar.WeekendsOnly.Elapsed(new DateOnly(2025, 9, 22), new DateOnly(2025, 9, 26)));
        // Fri 09-26 → Sun 10-12: 29 (Mon) 30 (Tue) and the make-up days 09-28 (Sun) and 10-11 (Sat), 10-09 and 10-10: six.
        Assert.Equal(6, Calendar2025.Elapsed(new DateOnly(2025, 9, 26), new DateOnly(2025, 10, 12)));
        Assert.Equal(0, Calendar2025.Elapsed(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 8)));
        Assert.Equal(new DateOnly(2025, 10, 10), Calendar2025.AddWorkingDays(new DateOnly(2025, 9, 30), 2));
    }

    [Fact]
    public void Approval_figures_count_what_is_required_and_time_against_the_limit()
    {
        var today = new DateOnly(2025, 12, 31);
        ApprovalRecord[] records =
        [
            new(ApprovalKind.Planning, ApprovalStatus.Approved, new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 15), null),
            new(ApprovalKind.Land, ApprovalStatus.Approved, new DateOnly(2025, 9, 2), new DateOnly(2025, 10, 20), null),
            new(ApprovalKind.Safety, ApprovalStatus.NotRequired, null, null, null),
            new(ApprovalKind.ConstructionPermit, ApprovalStatus.Tolerated, new DateOnly(2025, 10, 21), null, new DateOnly(2025, 12, 1)),
        ];
        var figures = ApprovalRules.Assess(records, Calendar2025, 70, today);
        Assert.Equal(5, figures.Required); // six kinds, 安评 not required; 环评 and 能评 not yet recorded count as not done
        Assert.Equal(2, figures.Done);
        Assert.Equal(0.4m, figures.Rate);
        // Open: from 09-01 to today 12-31 on the calendar.
        Assert.Equal(Calendar2025.Elapsed(new DateOnly(2025, 9, 1), today), figures.ElapsedWorkingDays);
        Assert.True(figures.OverLimit);
        Assert.Equal([ApprovalKind.ConstructionPermit], figures.OverdueCommitments);
    }

    [Fact]
    public void Once_all_are_done_the_time_stops_at_the_last_approval()
    {
        var records = Enum.GetValues<ApprovalKind>()
            .Select(k => new ApprovalRecord(k, ApprovalStatus.Approved, new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 1).AddDays((int)k * 7), null)).ToList();
        var figures = ApprovalRules.Assess(records, HolidayCalendar.WeekendsOnly, 70, new DateOnly(2026, 6, 1));
        Assert.Equal(1m, figures.Rate);
        Assert.Equal(30, figures.ElapsedWorkingDays); // 09-01 (Mon) to 10-13 (Mon): six weeks = 30 working days
        Assert.False(figures.OverLimit);
        Assert.Equal(0.75m, ApprovalRules.PooledRate([figures, figures with { Required = 2, Done = 0 }]));
    }

    [Fact]
    public void Without_a_time_limit_no_approval_is_over_it()
    {
        ApprovalRecord[] open = [new(ApprovalKind.Planning, ApprovalStatus.InProgress, new DateOnly(2024, 1, 2), null, null)];
        var figures = ApprovalRules.Assess(open, HolidayCalendar.WeekendsOnly, 0, new DateOnly(2025, 12, 31));
        Assert.True(figures.ElapsedWorkingDays > 400);
        Assert.False(figures.OverLimit);
        Assert.True(ApprovalRules.Assess(open, HolidayCalendar.WeekendsOnly, 70, new DateOnly(2025, 12, 31)).OverLimit);
    }

    [Fact]
    public void The_key_approvals_rate_counts_what_was_completed_by_30_June_of_the_year()
    {
        ApprovalRecord Done(ApprovalKind k, int month, int day) => new(k, ApprovalStatus.Approved, new DateOnly(2025, 1, 6), new DateOnly(2025, month, day), null);
        var a = new KeyProjectApprovals("甲项目",
        [
            Done(ApprovalKind.Planning, 3, 1), Done(ApprovalKind.Land, 6, 30),   // on the deadline: counts
            Done(ApprovalKind.Environment, 7, 1),                                 // a day late: does not
            new(ApprovalKind.Energy, ApprovalStatus.NotRequired, null, null, null),
            Done(ApprovalKind.ConstructionPermit, 2, 1),                          // not a main approval
        ]);
        var b = new KeyProjectApprovals("乙项目", [Done(ApprovalKind.Planning, 5, 5)]);   // 用地、环评、能评 not recorded: needed, not done
        var figures = KeyApprovals.Of([a, b], 2025);
        Assert.Equal(new DateOnly(2025, 6, 30), figures.Deadline);
        Assert.Equal((7, 3), (figures.Required, figures.Done));
        Assert.Equal(3m / 7, figures.Rate);
        Assert.Equal([ApprovalKind.Environment], figures.Outstanding.Single(o => o.Project == "甲项目").Kinds);
        Assert.Equal(3, figures.Outstanding.Single(o => o.Project == "乙项目").Kinds.Count);
        // The same approvals read for 2026: completed before that year's 30 June, all that were done count.
        Assert.Equal(4, KeyApprovals.Of([a, b], 2026).Done);
        // Nothing required: no figure, never 0%.
        Assert.Null(KeyApprovals.Of([], 2025).Rate);
    }
}
