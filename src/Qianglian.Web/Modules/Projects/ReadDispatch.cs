using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using ProblemCategory = Qianglian.Core.Supervision.ProblemCategory;
using ProblemStatus = Qianglian.Core.Supervision.ProblemStatus;
using EscalationLevel = Qianglian.Core.Supervision.EscalationLevel;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

public sealed record DispatchRow(Guid ProjectId, string Project, string? Jurisdiction, string? Chain, ReportState State, Guid? ReportId,
    decimal? MonthInvestment, decimal YearToDate, decimal AnnualPlan, int? ProgressPercent, int OpenProblems);

/// <param name="DefaultBasis">When the report day or the laggard margin is the platform's (no seed gives it), the basis.</param>
public sealed record DispatchMonth(int Year, int Month, DateOnly DueDate, IReadOnlyList<DispatchRow> Rows, IReadOnlyList<ProblemRow> Problems, string? DefaultBasis);

/// <param name="Id">The ticket in the supervision problem ledger.</param>
public sealed record ProblemRow(Guid Id, Guid ProjectId, string Project, int Year, int Month, ProblemCategory Category, string Description,
    ProblemStatus Status, EscalationLevel Level, string? Resolution);

/// <summary>
/// A month of dispatch: every project that was under construction and its report (on time, late, overdue, not
/// yet due), and the problems reported — and the bulletin's figures, gathered from the same data.
/// </summary>
public sealed class ReadDispatch(AppDb dbs, CurrentUser user, TimeProvider clock, Policies.PlatformDefaults defaults)
{
    public async Task<DispatchMonth> Month(int year, int month, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        CheckMonth(year, month);
        await using var db = dbs.Open();
        var data = await Gather(db, year, month, ct);
        var rows = data.Projects.Where(p => p.Report is not null).Select(p => new DispatchRow(p.Project.Id, p.Project.Name,
                data.Names.GetValueOrDefault(p.Project.JurisdictionId), p.Chain, p.Report!.Value, p.MonthReport?.Id, p.MonthReport?.MonthInvestment,
                p.ToDate, p.Plan, p.MonthReport?.ProgressPercent, data.Problems.Count(x => x.ProjectId == p.Project.Id && x.Status != ProblemStatus.Closed)))
            .OrderBy(r => r.State == ReportState.Overdue ? 0 : 1).ThenBy(r => r.Project, StringComparer.Ordinal).ToList();
        return new DispatchMonth(year, month, Dispatch.DueDate(year, month, data.Rules), rows, data.Problems,
            data.Pack is { } pack ? defaults.BasisOf(pack, ProjectRulesLoader.FileName, "dispatch") : ProjectSettings.BuiltIn);
    }

    public async Task<(BulletinFigures Figures, string Jurisdiction)> Bulletin(int year, int month, CancellationToken ct)
    {
        user.Require(Permission.IssueBulletins);
        CheckMonth(year, month);
        await using var db = dbs.Open();
        var data = await Gather(db, year, month, ct);
        var shares = (await db.Set<ProjectShare>().AsNoTracking().Where(s => data.Ids.Contains(s.ProjectId)).ToListAsync(ct)).ToLookup(s => s.ProjectId);
        var localities = shares.SelectMany(g => g.Select(s => s.LocalityId)).Concat(data.Projects.Select(p => p.Project.JurisdictionId));
        var names = await ReadProjects.JurisdictionNames(db, localities, ct);
        var projects = data.Projects.Select(p => new BulletinProject(p.Project.Id, p.Project.Name, p.Chain, p.Stage, p.Plan, p.ToDate,
            Shares.InvestmentSplit(p.Project.JurisdictionId, shares[p.Project.Id].Select(s => new LocalityShare(s.LocalityId, s.InvestmentPercent, s.OutputPercent)).ToList()),
            p.Report)).ToList();
        var problems = data.Problems.Select(x => new BulletinProblem(x.Project, Category(x.Category), x.Description, x.Status != ProblemStatus.Closed, x.Year, x.Month)).ToList();
        var scope = await db.Jurisdictions.AsNoTracking().Where(j => j.JurisdictionPath == db.Scope.Path).Select(j => j.Name).FirstOrDefaultAsync(ct);
        return (BulletinCalculator.Compute(year, month, projects, names, problems, data.Rules), scope ?? "");
    }

    public static string Category(ProblemCategory c) => Supervision.SupervisionLabels.Of(c);

    private sealed record Item(Project Project, string? Chain, ProjectStage? Stage, decimal Plan, decimal ToDate, ReportState? Report, MonthlyReport? MonthReport);

    private sealed record Data(IReadOnlyList<Item> Projects, List<Guid> Ids, IReadOnlyList<ProblemRow> Problems, IReadOnlyDictionary<Guid, string> Names, DispatchRules Rules, string? Pack);

    private async Task<Data> Gather(AppDbContext db, int year, int month, CancellationToken ct)
    {
        var end = Dispatch.MonthEnd(year, month);
        var today = BusinessDate.Today(clock);
        var projects = await db.Set<Project>().AsNoTracking().Where(p => p.ListedOn <= end).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var resolver = await ProjectSettings.ForPathsAsync(db, [db.Scope.Path], ct);
        var rules = resolver.SettingsAt(db.Scope.Path).Dispatch;
        var plans = await db.Set<ProjectAnnualPlan>().AsNoTracking().Where(p => p.Year == year && ids.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.PlannedInvestment, ct);
        var reports = await db.Set<MonthlyReport>().AsNoTracking().Where(r => r.Year == year && r.Month <= month && ids.Contains(r.ProjectId)).ToListAsync(ct);
        var toDate = reports.GroupBy(r => r.ProjectId).ToDictionary(g => g.Key, g => g.Sum(r => r.MonthInvestment));
        var thisMonth = reports.Where(r => r.Month == month).ToDictionary(r => r.ProjectId);
        // A project's chain may be kept above it (a city chain): its name comes through the ReferenceNames door.
        var chains = await db.ChainNamesAsync(projects.Select(p => p.ChainId).OfType<Guid>(), ct);
        var items = projects.Select(p =>
        {
            var must = Dispatch.MustReport(p.ActualStart <= end ? p.ActualStart : null, p.ActualCompletion, p.TerminatedOn, year, month);
            var report = thisMonth.GetValueOrDefault(p.Id);
            return new Item(p, p.ChainId is { } c ? chains.GetValueOrDefault(c) : null, StageAt(p, end), plans.GetValueOrDefault(p.Id), toDate.GetValueOrDefault(p.Id),
                must ? Dispatch.StateOf(year, month, report?.FiledOn, today, rules) : null, report);
        }).ToList();

        var key = year * 100 + month;
        var reportMonths = await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Year * 100 + r.Month <= key)
            .Select(r => new { r.Id, r.Year, r.Month }).ToDictionaryAsync(r => r.Id, ct);
        var reportIds = reportMonths.Keys.ToList();
        var problems = (await ReportProblems.OfProjectsAsync(db, ids, ct)).Where(x => reportMonths.ContainsKey(x.ReportId)).ToList();
        var names = projects.ToDictionary(p => p.Id, p => p.Name);
        var problemRows = problems
            .Where(x => x.Status != ProblemStatus.Closed || (reportMonths[x.ReportId].Year == year && reportMonths[x.ReportId].Month == month))
            .Select(x => new ProblemRow(x.Id, x.ProjectId, names[x.ProjectId], reportMonths[x.ReportId].Year, reportMonths[x.ReportId].Month, x.Category, x.Description, x.Status, x.Level, x.Resolution))
            .OrderBy(x => x.Year).ThenBy(x => x.Month).ThenBy(x => x.Project, StringComparer.Ordinal).ToList();
        var jurisdictionNames = await ReadProjects.JurisdictionNames(db, projects.Select(p => p.JurisdictionId), ct);
        return new Data(items, ids, problemRows, jurisdictionNames, rules, resolver.PackAt(db.Scope.Path));
    }

    /// <summary>The stage a project was in at the end of a day, from its transition dates (stages only move forward).</summary>
    internal static ProjectStage StageAt(Project p, DateOnly day) =>
        p.TerminatedOn <= day ? ProjectStage.Terminated
        : p.AtCapacityOn <= day ? ProjectStage.AtCapacity
        : p.ActualCompletion <= day ? ProjectStage.Completed
        : p.ActualStart <= day ? ProjectStage.Started
        : p.SignedOn <= day ? ProjectStage.Signed
        : ProjectStage.Reserve;

    private static void CheckMonth(int year, int month)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12) throw new ValidationException("month", $"年月无效：{year}-{month} (invalid month)");
    }
}
