namespace Qianglian.Core.Projects;

/// <summary>A project as the monthly bulletin sees it, at the end of the bulletin's month.</summary>
/// <param name="Stage">Its stage at the month's end; null when it was not yet listed then.</param>
/// <param name="AnnualPlan">The year's planned investment (yuan).</param>
/// <param name="CompletedToDate">Investment completed from January to the bulletin's month (yuan), from the reports.</param>
/// <param name="Split">The localities it counts for, with their fractions of investment (sum 1).</param>
/// <param name="Report">Its report for the month, when it had to file one.</param>
public sealed record BulletinProject(Guid Id, string Name, string? Chain, ProjectStage? Stage, decimal AnnualPlan, decimal CompletedToDate,
    IReadOnlyList<(Guid Locality, decimal Fraction)> Split, ReportState? Report);

public sealed record BulletinProblem(string Project, string Category, string Description, bool Open, int Year, int Month);

public sealed record StageCount(ProjectStage Stage, string Name, int Count);

/// <param name="Rate">completed / plan, null without a plan.</param>
public sealed record InvestmentRow(string Name, int Projects, decimal Plan, decimal Completed, decimal? Rate);

public sealed record Laggard(string Project, decimal Plan, decimal Completed, decimal Rate, string Reason);

/// <param name="TimeProgress">month / 12: the share of the year gone, which the plan's completion is measured against.</param>
public sealed record BulletinFigures(int Year, int Month, decimal TimeProgress, IReadOnlyList<StageCount> Stages, int Listed,
    InvestmentRow Total, IReadOnlyList<InvestmentRow> ByLocality, IReadOnlyList<InvestmentRow> ByChain,
    IReadOnlyList<Laggard> Laggards, IReadOnlyList<string> Unreported, IReadOnlyList<BulletinProblem> Problems);

/// <summary>
/// The figures of the monthly bulletin (通报, 黔江 9: 每月调度通报): projects by stage, investment completed against
/// the annual plan in total, by locality (at the agreed shares, so nothing is counted twice) and by chain, the
/// projects lagging behind the year's time progress, those that did not report, and the problems reported.
/// </summary>
public static class BulletinCalculator
{
    public const string NoChain = "未归链";

    public static BulletinFigures Compute(int year, int month, IReadOnlyList<BulletinProject> projects, IReadOnlyDictionary<Guid, string> localityNames,
        IReadOnlyList<BulletinProblem> problems, DispatchRules rules)
    {
        var time = month / 12m;
        var listed = projects.Where(p => p.Stage is not null).ToList();
        var stages = Lifecycle.Ordered.Append(ProjectStage.Terminated)
            .Select(s => new StageCount(s, Lifecycle.Name(s), listed.Count(p => p.Stage == s))).ToList();
        var planned = listed.Where(p => p.AnnualPlan > 0 || p.CompletedToDate > 0).ToList();

        var total = Row("合计", planned.Count, planned.Sum(p => p.AnnualPlan), planned.Sum(p => p.CompletedToDate));
        var byLocality = planned
            .SelectMany(p => p.Split.Select(s => (s.Locality, Plan: p.AnnualPlan * s.Fraction, Done: p.CompletedToDate * s.Fraction)))
            .GroupBy(x => x.Locality)
            .Select(g => Row(localityNames.GetValueOrDefault(g.Key, "?"), g.Count(), g.Sum(x => x.Plan), g.Sum(x => x.Done)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var byChain = planned.GroupBy(p => p.Chain ?? NoChain)
            .Select(g => Row(g.Key, g.Count(), g.Sum(p => p.AnnualPlan), g.Sum(p => p.CompletedToDate)))
            .OrderBy(r => r.Name == NoChain).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var threshold = time - rules.LaggardMarginPoints / 100m;
        var laggards = planned
            .Where(p => p.Stage == ProjectStage.Started && p.AnnualPlan > 0 && p.CompletedToDate / p.AnnualPlan < threshold)
            .Select(p => new Laggard(p.Name, p.AnnualPlan, p.CompletedToDate, p.CompletedToDate / p.AnnualPlan,
                $"完成年度计划{p.CompletedToDate / p.AnnualPlan:P1}，低于时序进度{time:P1}减{rules.LaggardMarginPoints:0.#}个百分点"))
            .OrderBy(l => l.Rate).ToList();
        var unreported = listed.Where(p => p.Report == ReportState.Overdue).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var listedProblems = problems.Where(p => p.Open || (p.Year == year && p.Month == month)).ToList();
        return new BulletinFigures(year, month, time, stages, listed.Count, total, byLocality, byChain, laggards, unreported, listedProblems);
    }

    private static InvestmentRow Row(string name, int count, decimal plan, decimal done) =>
        new(name, count, plan, done, plan > 0 ? done / plan : null);
}
