namespace Qianglian.Core.Projects;

/// <summary>Red / yellow / green, as on the battle board.</summary>
public enum Light { Green = 0, Yellow = 1, Red = 2 }

/// <summary>After how many months in a stage a project turns yellow, then red.</summary>
public sealed record StallThreshold(int YellowMonths, int RedMonths);

/// <summary>
/// The early-warning thresholds of a jurisdiction (its pack's projects.yaml): 签约未开工, 开工未竣工, 竣工未投产.
/// </summary>
public sealed record WarningRules(StallThreshold SignedNotStarted, StallThreshold StartedNotCompleted, StallThreshold CompletedNotProducing)
{
    public static readonly WarningRules Default = new(new(3, 6), new(18, 24), new(3, 6));

    public IEnumerable<(string Field, string Message)> Problems()
    {
        foreach (var (name, t) in new[] { ("signedNotStarted", SignedNotStarted), ("startedNotCompleted", StartedNotCompleted), ("completedNotProducing", CompletedNotProducing) })
        {
            if (t.YellowMonths < 1) yield return ($"warnings.{name}.yellowMonths", $"黄灯月数须至少为1，实为{t.YellowMonths} (must be at least 1)");
            if (t.RedMonths < t.YellowMonths) yield return ($"warnings.{name}.redMonths", $"红灯月数{t.RedMonths}不能少于黄灯月数{t.YellowMonths} (red must not come before yellow)");
        }
    }
}

/// <summary>What the early-warning rule needs of a project.</summary>
/// <param name="ProductionOn">The 投产 milestone's actual date, if reached.</param>
/// <param name="ReportOverdue">The latest monthly report that is due has not been filed.</param>
public sealed record SignalFacts(ProjectStage Stage, DateOnly StageSince, DateOnly? PlannedStart, DateOnly? PlannedCompletion, DateOnly? ProductionOn,
    IReadOnlyList<DateOnly> OverdueCommitments, bool ReportOverdue, int LateMilestones);

public sealed record Signal(Light Light, IReadOnlyList<string> Reasons)
{
    public static readonly Signal Clear = new(Light.Green, []);
}

/// <summary>
/// The early warning of a project: stuck between stages for too long (签约未开工, 开工未竣工, 竣工未投产), a 容缺
/// commitment past its deadline, planned dates missed, a monthly report overdue. The worst light wins; every reason
/// is listed so the board can say why.
/// </summary>
public static class Signals
{
    public static Signal Assess(SignalFacts f, WarningRules rules, DateOnly today)
    {
        if (f.Stage is ProjectStage.Terminated or ProjectStage.AtCapacity) return Signal.Clear;
        var reasons = new List<(Light Light, string Text)>();
        var months = MonthsBetween(f.StageSince, today);
        void Stall(StallThreshold t, string what)
        {
            if (months >= t.RedMonths) reasons.Add((Light.Red, $"{what}已{months}个月（红灯线{t.RedMonths}个月）"));
            else if (months >= t.YellowMonths) reasons.Add((Light.Yellow, $"{what}已{months}个月（黄灯线{t.YellowMonths}个月）"));
        }
        switch (f.Stage)
        {
            case ProjectStage.Signed:
                Stall(rules.SignedNotStarted, "签约未开工");
                if (f.PlannedStart is { } ps && ps < today) reasons.Add((Light.Yellow, $"已过计划开工日期{ps:yyyy-MM-dd}"));
                break;
            case ProjectStage.Started:
                Stall(rules.StartedNotCompleted, "开工未竣工");
                if (f.PlannedCompletion is { } pc && pc < today) reasons.Add((Light.Yellow, $"已过计划竣工日期{pc:yyyy-MM-dd}"));
                break;
            case ProjectStage.Completed when f.ProductionOn is null:
                Stall(rules.CompletedNotProducing, "竣工未投产");
                break;
        }
        foreach (var deadline in f.OverdueCommitments)
            reasons.Add((Light.Red, $"容缺承诺已于{deadline:yyyy-MM-dd}到期未办结"));
        if (f.ReportOverdue) reasons.Add((Light.Yellow, "月度调度逾期未报"));
        if (f.LateMilestones > 0) reasons.Add((Light.Yellow, $"{f.LateMilestones}个节点滞后于计划"));
        return reasons.Count == 0 ? Signal.Clear : new Signal(reasons.Max(r => r.Light), reasons.OrderByDescending(r => r.Light).Select(r => r.Text).ToList());
    }

    /// <summary>Whole months from one date to another (2024-01-31 → 2024-02-29 is one month; → 2024-02-28 none).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        if (to <= from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}
