using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// The actuals of the project metrics the packs' targets use. Counts count each project once (where it is
/// listed); amounts are split by the agreed investment shares and only the shares of localities inside the asked
/// jurisdiction are added — including a neighbouring county's project with a share here (<see cref="ProjectCredits"/>)
/// — so a project shared between two counties counts for each at its share and is never counted twice.
/// </summary>
public sealed class ProjectMetrics(TimeProvider clock) : IMetricSource
{
    public const string ReserveCount = "projects.reserve.count";
    public const string ReserveInvestment = "projects.reserve.new_total_investment";
    public const string TechRenovationCount = "projects.tech_renovation.count";
    public const string TechRenovationOver5m = "projects.tech_renovation.over_5m.count";
    public const string StartedOver50m = "projects.started.over_50m.count";
    public const string CompletedCount = "projects.completed.count";
    public const string KeyApprovalsRate = "approvals.key_projects.completion_rate";
    public const string ApprovalWorkingDays = "approvals.elapsed_working_days";

    public static readonly IReadOnlyList<string> Keys =
        [ReserveCount, ReserveInvestment, TechRenovationCount, TechRenovationOver5m, StartedOver50m, CompletedCount, KeyApprovalsRate, ApprovalWorkingDays];

    public bool Supports(string metric) => Keys.Contains(metric);

    public async Task<MetricActual?> ActualAsync(AppDbContext db, string metric, MetricQuery q, CancellationToken ct)
    {
        var projects = db.Set<Project>().AsNoTracking().Where(p => p.JurisdictionPath.StartsWith(q.JurisdictionPath) && p.Stage != ProjectStage.Terminated);
        var from = new DateOnly(q.Year, 1, 1);
        var to = new DateOnly(q.Year, 12, 31);
        bool IsTech(Project p) => p.Kind is ProjectKind.TechRenovation or ProjectKind.IntelligentDigital;
        switch (metric)
        {
            case ReserveCount:
                return Count(await projects.Where(p => p.ListedOn >= from && p.ListedOn <= to).ToListAsync(ct), $"{q.Year}年入库（谋划储备）的项目，不含终止/退出");
            case ReserveInvestment:
            {
                var listed = await ProjectCredits.ForAsync(db, q.JurisdictionPath, p => p.Stage != ProjectStage.Terminated && p.ListedOn >= from && p.ListedOn <= to, ct);
                var total = listed.Sum(c => c.Project.TotalInvestment * c.InvestmentFraction);
                var guests = listed.Count(c => !c.Own);
                return new MetricActual(Math.Round(total / 100_000_000m, 2),
                    $"{q.Year}年入库项目总投资按分投资比例合计{total / 100_000_000m:0.##}亿元" + (guests > 0 ? $"（含外地项目分成{guests}个）" : ""),
                    listed.Select(c => c.Project.Id).ToList());
            }
            case TechRenovationCount:
                return Count((await projects.Where(p => p.ActualStart >= from && p.ActualStart <= to).ToListAsync(ct)).Where(IsTech).ToList(),
                    $"{q.Year}年开工实施的技术改造（含智改数转）项目");
            case TechRenovationOver5m:
                return Count((await projects.Where(p => p.ActualStart >= from && p.ActualStart <= to && p.TotalInvestment >= 5_000_000m).ToListAsync(ct)).Where(IsTech).ToList(),
                    $"{q.Year}年开工、投资500万元及以上的技术改造项目");
            case StartedOver50m:
                return Count(await projects.Where(p => p.ActualStart >= from && p.ActualStart <= to && p.TotalInvestment >= 50_000_000m).ToListAsync(ct),
                    $"{q.Year}年新开工、投资5000万元及以上的项目");
            case CompletedCount:
                return Count(await projects.Where(p => p.ActualCompletion >= from && p.ActualCompletion <= to).ToListAsync(ct), $"{q.Year}年新竣工投产的项目");
            case KeyApprovalsRate:
                return await KeyApprovalsOf(db, projects, q.Year, ct);
            case ApprovalWorkingDays:
                return await LongestApproval(db, projects, q, ct);
            default:
                return null;
        }
    }

    private static MetricActual Count(IReadOnlyList<Project> rows, string what) =>
        new(rows.Count, $"{what}：{rows.Count}个", rows.Select(p => p.Id).ToList());

    /// <summary>
    /// 安康 九: 年度市级重点工业项目规划、土地、环评、能评等主要手续办结率二季度达到100% — pooled over the year's city-key
    /// projects (listed by 30 June, not completed before the year), counting what was approved by 30 June of the year
    /// (<see cref="KeyApprovals"/>). No key project needing an approval: no figure (never 0%).
    /// </summary>
    private static async Task<MetricActual?> KeyApprovalsOf(AppDbContext db, IQueryable<Project> projects, int year, CancellationToken ct)
    {
        var deadline = KeyApprovals.Deadline(year);
        var yearStart = new DateOnly(year, 1, 1);
        var keyProjects = (await projects.Where(p => p.ListedOn <= deadline && (p.ActualCompletion == null || p.ActualCompletion >= yearStart)).ToListAsync(ct))
            .Where(p => p.Flags.HasFlag(ProjectFlags.CityKey)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var ids = keyProjects.Select(p => p.Id).ToList();
        var approvals = (await db.Set<ProjectApproval>().AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct)).ToLookup(a => a.ProjectId);
        var figures = KeyApprovals.Of(keyProjects.Select(p => new KeyProjectApprovals(p.Name, approvals[p.Id].Select(ReadProjectDetail.Record).ToList())).ToList(), year);
        if (figures.Rate is not { } rate) return null;
        var percent = Math.Round(100m * rate, 1);
        var late = figures.Outstanding.Count == 0 ? ""
            : "；截至6月30日未办结：" + string.Join("、", figures.Outstanding.Take(10).Select(o => $"{o.Project}（{string.Join("、", o.Kinds.Select(ApprovalRules.Name))}）"))
              + (figures.Outstanding.Count > 10 ? $"等{figures.Outstanding.Count}个项目" : "");
        return new MetricActual(percent, $"{year}年市级重点项目{figures.Projects}个，规划、用地、环评、能评手续应办{figures.Required}项，截至{figures.Deadline:yyyy年M月d日}已办结{figures.Done}项，办结率{percent}%{late}", ids);
    }

    /// <summary>安康 九: the longest approval time (working days) among the projects whose approvals started in the year.</summary>
    private async Task<MetricActual> LongestApproval(AppDbContext db, IQueryable<Project> projects, MetricQuery q, CancellationToken ct)
    {
        var list = await projects.ToListAsync(ct);
        var ids = list.Select(p => p.Id).ToList();
        var approvals = (await db.Set<ProjectApproval>().AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct)).ToLookup(a => a.ProjectId);
        var resolver = await ProjectSettings.ForPathsAsync(db, list.Select(p => p.JurisdictionPath), ct);
        var today = BusinessDate.Today(clock);
        var assessed = list.Select(p => (p.Id, p.JurisdictionPath, Records: approvals[p.Id].ToList()))
            .Where(x => x.Records.Any(a => a.SubmittedOn?.Year == q.Year))
            .Select(x => (x.Id, Figures: ApprovalRules.Assess(x.Records.Select(ReadProjectDetail.Record).ToList(), resolver.CalendarAt(x.JurisdictionPath),
                resolver.SettingsAt(x.JurisdictionPath).ApprovalLimit, today)))
            .ToList();
        var longest = assessed.Select(a => a.Figures.ElapsedWorkingDays ?? 0).DefaultIfEmpty(0).Max();
        var over = assessed.Where(a => a.Figures.OverLimit).Select(a => a.Id).ToList();
        var missing = assessed.SelectMany(a => a.Figures.CalendarMissingYears).Distinct().Order().ToList();
        return new MetricActual(longest, $"{q.Year}年申报审批的项目{assessed.Count}个，最长用时{longest}个工作日，超时限{over.Count}个"
            + CalendarNote.Text(missing), over);
    }
}
