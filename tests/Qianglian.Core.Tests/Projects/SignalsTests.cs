using Qianglian.Core.Projects;

namespace Qianglian.Core.Tests.Projects;

public class SignalsTests
{
    private static readonly DateOnly Today = new(2026, 7, 15);

    private static SignalFacts Facts(ProjectStage stage, DateOnly since, DateOnly? plannedStart = null, DateOnly? production = null,
        IReadOnlyList<DateOnly>? overdue = null, bool reportOverdue = false, int lateMilestones = 0) =>
        new(stage, since, plannedStart, null, production, overdue ?? [], reportOverdue, lateMilestones);

    [Theory]
    [InlineData("2026-05-15", Light.Green)]  // two months signed
    [InlineData("2026-04-15", Light.Yellow)] // three months: yellow line
    [InlineData("2026-01-16", Light.Yellow)] // five months and 29 days
    [InlineData("2026-01-15", Light.Red)]    // six months: red line
    public void Signed_but_not_started_turns_yellow_then_red(string since, Light expected)
    {
        var signal = Signals.Assess(Facts(ProjectStage.Signed, DateOnly.Parse(since)), WarningRules.Default, Today);
        Assert.Equal(expected, signal.Light);
        if (expected != Light.Green) Assert.Contains("签约未开工", signal.Reasons[0]);
    }

    [Fact]
    public void Completed_without_production_warns_until_production_is_recorded()
    {
        var since = new DateOnly(2026, 1, 1);
        Assert.Equal(Light.Red, Signals.Assess(Facts(ProjectStage.Completed, since), WarningRules.Default, Today).Light);
        Assert.Equal(Light.Green, Signals.Assess(Facts(ProjectStage.Completed, since, production: new DateOnly(2026, 2, 1)), WarningRules.Default, Today).Light);
    }

    [Fact]
    public void The_worst_reason_wins_and_every_reason_is_given()
    {
        var signal = Signals.Assess(Facts(ProjectStage.Started, new DateOnly(2026, 6, 1), overdue: [new DateOnly(2026, 7, 1)], reportOverdue: true, lateMilestones: 2),
            WarningRules.Default, Today);
        Assert.Equal(Light.Red, signal.Light);
        Assert.Equal(3, signal.Reasons.Count);
        Assert.StartsWith("容缺承诺", signal.Reasons[0]);
    }

    [Fact]
    public void Finished_and_terminated_projects_are_green()
    {
        Assert.Equal(Signal.Clear, Signals.Assess(Facts(ProjectStage.Terminated, new DateOnly(2020, 1, 1), reportOverdue: true), WarningRules.Default, Today));
        Assert.Equal(Light.Green, Signals.Assess(Facts(ProjectStage.AtCapacity, new DateOnly(2020, 1, 1)), WarningRules.Default, Today).Light);
    }

    [Fact]
    public void Months_are_whole_calendar_months()
    {
        Assert.Equal(1, Signals.MonthsBetween(new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29)));
        Assert.Equal(0, Signals.MonthsBetween(new DateOnly(2024, 1, 30), new DateOnly(2024, 2, 28)));
        Assert.Equal(12, Signals.MonthsBetween(new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Thresholds_must_be_ordered()
    {
        var bad = new WarningRules(new(6, 3), new(0, 1), new(3, 6));
        Assert.Equal(["warnings.signedNotStarted.redMonths", "warnings.startedNotCompleted.yellowMonths"], bad.Problems().Select(p => p.Field));
    }
}
