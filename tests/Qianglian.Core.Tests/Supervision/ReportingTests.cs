using Qianglian.Core.Supervision;

namespace Qianglian.Core.Tests.Supervision;

public class ReportingTests
{
    private static readonly ReportingRules Qianjiang = new(DueDay: 1, ReminderDays: 3);
    private static readonly ReportPeriod March = new(2025, 3);

    [Fact]
    public void A_months_report_is_due_on_the_first_of_the_next_month() =>
        Assert.Equal(new DateOnly(2025, 4, 1), ReportingCalendar.DueDate(March, Qianjiang));

    [Fact]
    public void December_is_due_in_January() =>
        Assert.Equal(new DateOnly(2026, 1, 1), ReportingCalendar.DueDate(new ReportPeriod(2025, 12), Qianjiang));

    [Theory]
    [InlineData("2025-03-29", ReportState.DueSoon)]  // 3 days before 04-01: reminded
    [InlineData("2025-03-28", ReportState.NotDue)]
    [InlineData("2025-04-01", ReportState.DueSoon)]  // the due date itself is still in time
    [InlineData("2025-04-02", ReportState.Overdue)]
    public void Unsubmitted_reports_are_reminded_then_overdue(string today, ReportState expected) =>
        Assert.Equal(expected, ReportingCalendar.StateOf(March, null, DateOnly.Parse(today), Qianjiang));

    [Fact]
    public void Submitted_reports_are_on_time_or_late()
    {
        Assert.Equal(ReportState.OnTime, ReportingCalendar.StateOf(March, new DateOnly(2025, 4, 1), new DateOnly(2025, 5, 1), Qianjiang));
        Assert.Equal(ReportState.Late, ReportingCalendar.StateOf(March, new DateOnly(2025, 4, 2), new DateOnly(2025, 5, 1), Qianjiang));
    }

    [Fact]
    public void A_task_owes_the_months_already_due_or_in_the_reminder_window()
    {
        var owed = ReportingCalendar.Owed(new DateOnly(2025, 1, 15), null, new DateOnly(2025, 3, 29), Qianjiang);
        Assert.Equal(["2025-01", "2025-02", "2025-03"], owed.Select(p => p.ToString()));
        var early = ReportingCalendar.Owed(new DateOnly(2025, 1, 15), null, new DateOnly(2025, 3, 20), Qianjiang);
        Assert.Equal(["2025-01", "2025-02"], early.Select(p => p.ToString()));
    }

    [Fact]
    public void A_finished_task_owes_nothing_after_its_end()
    {
        var owed = ReportingCalendar.Owed(new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 10), new DateOnly(2025, 6, 1), Qianjiang);
        Assert.Equal(["2025-01", "2025-02"], owed.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("2025-03", true)]
    [InlineData("2025-13", false)]
    [InlineData("25-03", false)]
    [InlineData("2025/03", false)]
    public void Periods_parse_as_year_dash_month(string text, bool ok) => Assert.Equal(ok, ReportPeriod.TryParse(text, out _));

    [Fact]
    public void Bad_rules_name_their_field() =>
        Assert.Equal(["reportDueDay", "reminderDays"], new ReportingRules(0, 40).Problems().Select(p => p.Field));
}

public class AssessmentTests
{
    [Fact]
    public void The_score_is_each_rate_times_its_weight_hand_computed()
    {
        // reporting 5/6 × 40 = 33.33; completion 3/4 × 40 = 30; marks (1 + 0.6 + 0) / 3 × 20 = 10.67 → 74.00
        var score = UnitAssessment.Score(new UnitRecord(6, 5, 4, 3, [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red]), AssessmentWeights.Default);
        Assert.Equal(33.33m, score.Parts[0].Points);
        Assert.Equal(30m, score.Parts[1].Points);
        Assert.Equal(10.67m, score.Parts[2].Points);
        Assert.Equal(74m, score.Total);
        Assert.Contains("5/6×40=33.33", score.Explanation);
        Assert.EndsWith("= 74", score.Explanation);
    }

    [Fact]
    public void A_unit_with_nothing_to_assess_has_no_score_never_full_marks()
    {
        var score = UnitAssessment.Score(new UnitRecord(0, 0, 0, 0, [], UnmarkedTasks: 3), AssessmentWeights.Default);
        Assert.Null(score.Total);
        Assert.False(score.Rated);
        Assert.StartsWith("未考核", score.Explanation);
        Assert.Contains("无应报月报", score.Explanation);
        Assert.Contains("3项任务未评价不计入", score.Explanation);
    }

    [Fact]
    public void A_part_with_nothing_to_count_is_left_out_and_the_rest_scaled_to_100()
    {
        // reporting 3/4 × 40 = 30; no task due (left out); marks green + red = 1/2 × 20 = 10 → 40 of 60 → 66.67
        var score = UnitAssessment.Score(new UnitRecord(4, 3, 0, 0, [TrafficLight.Green, TrafficLight.Red], UnmarkedTasks: 1), AssessmentWeights.Default);
        Assert.Equal(66.67m, score.Total);
        Assert.Equal(60, score.RatedWeight);
        Assert.False(score.Parts[1].Rated);
        Assert.Contains("任务按期完成率（无到期任务，不计入）", score.Explanation);
        Assert.Contains("1项任务未评价不计入", score.Explanation);
        Assert.EndsWith("= 40，按已考核的60分折算为百分制：66.67", score.Explanation);
    }

    [Fact]
    public void Nothing_to_count_never_scores_more_than_being_counted()
    {
        // A unit rated on everything and scoring 0 still ranks above a unit with nothing at all to assess (unranked).
        var weights = AssessmentWeights.Default;
        var rated = new[]
        {
            UnitAssessment.Score(new UnitRecord(2, 0, 2, 0, [TrafficLight.Red]), weights).Total,      // everything counted, all bad: 0
            UnitAssessment.Score(new UnitRecord(2, 1, 0, 0, []), weights).Total,                      // reporting only: 50
        };
        var unrated = UnitAssessment.Score(new UnitRecord(0, 0, 0, 0, []), weights).Total;
        var ranks = UnitAssessment.Ranks([rated[0], unrated, rated[1]]);
        Assert.Equal([2, null, 1], ranks);
    }

    [Fact]
    public void Equal_scores_share_a_rank() =>
        Assert.Equal([1, 3, 1, null, 4], UnitAssessment.Ranks([90m, 80m, 90m, null, 70m]));

    [Fact]
    public void Weights_not_summing_to_100_are_refused()
    {
        var problem = Assert.Single(new AssessmentWeights(40, 40, 10).Problems());
        Assert.Contains("之和应为100，实为90", problem.Message);
        Assert.Empty(AssessmentWeights.Default.Problems());
    }
}

public class DeadlineAndMeetingTests
{
    [Theory]
    [InlineData("2025-06-20", null, DeadlineState.Open)]
    [InlineData("2025-06-28", null, DeadlineState.DueSoon)]
    [InlineData("2025-07-01", null, DeadlineState.Overdue)]
    [InlineData("2025-07-05", "2025-06-30", DeadlineState.DoneOnTime)]
    [InlineData("2025-07-05", "2025-07-02", DeadlineState.DoneLate)]
    public void Assigned_matter_deadlines(string today, string? done, DeadlineState expected) =>
        Assert.Equal(expected, Deadlines.StateOf(new DateOnly(2025, 6, 30), done is null ? null : DateOnly.Parse(done), DateOnly.Parse(today), 3));

    [Fact]
    public void Ended_quarters_without_a_meeting_are_missing()
    {
        var meetings = new[] { new DateOnly(2025, 2, 10), new DateOnly(2025, 8, 1), new DateOnly(2024, 5, 1) };
        Assert.Equal([2], MeetingCadence.MissingQuarters(2025, meetings, new DateOnly(2025, 10, 15)));
        Assert.Equal([2, 4], MeetingCadence.MissingQuarters(2025, meetings, new DateOnly(2026, 1, 1)));
        Assert.Empty(MeetingCadence.MissingQuarters(2025, meetings, new DateOnly(2025, 3, 31)));
    }
}
