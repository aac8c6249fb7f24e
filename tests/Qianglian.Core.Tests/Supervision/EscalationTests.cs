using Qianglian.Core.Supervision;

namespace Qianglian.Core.Tests.Supervision;

public class EscalationTests
{
    private static readonly DateTimeOffset Filed = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);
    private static readonly LevelAvailability Full = new(true, true);
    private static readonly EscalationDeadlines Days = new(5, 10, 15, 20);

    [Fact]
    public void The_ladder_goes_county_lead_department_chief_joint_meeting()
    {
        Assert.Equal(EscalationLevel.LeadDepartment, EscalationLadder.NextLevel(EscalationLevel.Local, Full));
        Assert.Equal(EscalationLevel.ChainChief, EscalationLadder.NextLevel(EscalationLevel.LeadDepartment, Full));
        Assert.Equal(EscalationLevel.JointMeeting, EscalationLadder.NextLevel(EscalationLevel.ChainChief, Full));
        Assert.Null(EscalationLadder.NextLevel(EscalationLevel.JointMeeting, Full));
    }

    [Fact]
    public void A_missing_rung_is_skipped()
    {
        Assert.Equal(EscalationLevel.ChainChief, EscalationLadder.NextLevel(EscalationLevel.Local, new(false, true)));
        Assert.Equal(EscalationLevel.JointMeeting, EscalationLadder.NextLevel(EscalationLevel.Local, new(false, false)));
        Assert.Equal(EscalationLevel.JointMeeting, EscalationLadder.NextLevel(EscalationLevel.LeadDepartment, new(true, false)));
    }

    [Fact]
    public void The_deadline_counts_calendar_days_from_reaching_the_level()
    {
        Assert.Equal(Filed.AddDays(5), EscalationLadder.DueAt(Filed, EscalationLevel.Local, Days));
        Assert.Equal(Filed.AddDays(15), EscalationLadder.DueAt(Filed, EscalationLevel.ChainChief, Days));
    }

    [Fact]
    public void The_deadline_itself_is_in_time_one_tick_later_is_overdue()
    {
        var due = EscalationLadder.DueAt(Filed, EscalationLevel.Local, Days);
        Assert.False(EscalationLadder.ShouldEscalate(ProblemStatus.Open, EscalationLevel.Local, due, due, Full));
        Assert.True(EscalationLadder.ShouldEscalate(ProblemStatus.Open, EscalationLevel.Local, due, due.AddTicks(1), Full));
    }

    [Fact]
    public void Resolved_closed_and_top_level_problems_do_not_escalate()
    {
        var due = Filed.AddDays(5);
        var late = due.AddDays(1);
        Assert.False(EscalationLadder.ShouldEscalate(ProblemStatus.Resolved, EscalationLevel.Local, due, late, Full));
        Assert.False(EscalationLadder.ShouldEscalate(ProblemStatus.Closed, EscalationLevel.Local, due, late, Full));
        Assert.False(EscalationLadder.ShouldEscalate(ProblemStatus.Open, EscalationLevel.JointMeeting, due, late, Full));
        Assert.True(EscalationLadder.IsOverdue(ProblemStatus.Open, due, late));
    }

    [Fact]
    public void Due_soon_is_the_window_before_the_deadline()
    {
        var due = Filed.AddDays(5);
        Assert.True(EscalationLadder.IsDueSoon(ProblemStatus.Open, due, due.AddDays(-2), 2));
        Assert.False(EscalationLadder.IsDueSoon(ProblemStatus.Open, due, due.AddDays(-3), 2));
        Assert.False(EscalationLadder.IsDueSoon(ProblemStatus.Open, due, due.AddSeconds(1), 2));
    }

    [Fact]
    public void On_time_means_resolved_by_the_deadline_and_never_overdue()
    {
        Assert.True(EscalationLadder.ResolvedOnTime(Filed.AddDays(5), Filed.AddDays(5), everOverdue: false));
        Assert.False(EscalationLadder.ResolvedOnTime(Filed.AddDays(6), Filed.AddDays(5), everOverdue: false));
        Assert.False(EscalationLadder.ResolvedOnTime(Filed.AddDays(1), Filed.AddDays(5), everOverdue: true));
    }

    [Fact]
    public void Deadlines_must_be_at_least_a_day()
    {
        var problems = new EscalationDeadlines(0, 10, 15, 400).Problems().ToList();
        Assert.Equal(["local", "jointMeeting"], problems.Select(p => p.Field));
    }
}

public class ProblemWorkflowTests
{
    [Theory]
    [InlineData(ProblemStatus.Open, ProblemAction.Escalate, ProblemStatus.Open)]
    [InlineData(ProblemStatus.Open, ProblemAction.Resolve, ProblemStatus.Resolved)]
    [InlineData(ProblemStatus.Resolved, ProblemAction.Confirm, ProblemStatus.Closed)]
    [InlineData(ProblemStatus.Resolved, ProblemAction.Reopen, ProblemStatus.Open)]
    public void Allowed_transitions(ProblemStatus from, ProblemAction action, ProblemStatus to)
    {
        var outcome = ProblemWorkflow.Apply(from, action);
        Assert.True(outcome.Allowed);
        Assert.Equal(to, outcome.Status);
    }

    [Fact]
    public void Escalating_a_closed_problem_is_refused_with_the_reason()
    {
        var outcome = ProblemWorkflow.Apply(ProblemStatus.Closed, ProblemAction.Escalate);
        Assert.False(outcome.Allowed);
        Assert.Equal(ProblemStatus.Closed, outcome.Status);
        Assert.Contains("已办结，不能再上报", outcome.Refusal);
    }

    [Theory]
    [InlineData(ProblemStatus.Open, ProblemAction.Confirm)]
    [InlineData(ProblemStatus.Resolved, ProblemAction.Escalate)]
    [InlineData(ProblemStatus.Resolved, ProblemAction.Resolve)]
    [InlineData(ProblemStatus.Closed, ProblemAction.Reopen)]
    public void Other_actions_are_refused(ProblemStatus from, ProblemAction action) =>
        Assert.False(ProblemWorkflow.Apply(from, action).Allowed);

    [Fact]
    public void Dissatisfied_reopens_anything_else_confirms()
    {
        Assert.Equal(ProblemAction.Reopen, ProblemWorkflow.ActionOfRating(Satisfaction.Dissatisfied));
        Assert.Equal(ProblemAction.Confirm, ProblemWorkflow.ActionOfRating(Satisfaction.BasicallySatisfied));
    }
}

public class ProblemFiguresTests
{
    [Fact]
    public void Rates_are_counted_over_their_own_base()
    {
        var figures = ProblemFigures.Of(
        [
            new(ProblemStatus.Closed, OnTime: true, Escalated: false, Satisfaction.Satisfied),
            new(ProblemStatus.Closed, OnTime: false, Escalated: true, Satisfaction.BasicallySatisfied),
            new(ProblemStatus.Open, OnTime: false, Escalated: true, Satisfaction.Dissatisfied),
            new(ProblemStatus.Open, OnTime: false, Escalated: false, null),
        ]);
        Assert.Equal(0.5m, figures.OnTimeRate);
        Assert.Equal(0.5m, figures.EscalationRate);
        Assert.Equal(0.6667m, figures.SatisfactionRate);
    }

    [Fact]
    public void Nothing_to_count_is_no_rate_not_zero()
    {
        var figures = ProblemFigures.Of([new(ProblemStatus.Open, false, false, null)]);
        Assert.Null(figures.OnTimeRate);
        Assert.Null(figures.SatisfactionRate);
        Assert.Equal(0m, figures.EscalationRate);
    }
}
