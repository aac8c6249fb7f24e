using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

public sealed record StageChangeView(ProjectStage From, ProjectStage To, DateOnly On, string? Note, string ChangedBy, DateTimeOffset ChangedAt);
public sealed record MilestoneView(MilestoneKind Kind, DateOnly? PlannedOn, DateOnly? ActualOn, MilestoneState State);
/// <param name="CalendarMissingYears">Years of the elapsed span without an entered holiday arrangement: counted on weekends alone.</param>
public sealed record ApprovalView(ApprovalKind Kind, ApprovalStatus Status, DateOnly? SubmittedOn, DateOnly? ApprovedOn, DateOnly? CommitmentDeadline,
    string? Commitment, string? Note, int? ElapsedWorkingDays, IReadOnlyList<int> CalendarMissingYears);
public sealed record PhotoView(Guid Id, string FileName);
public sealed record ReportView(Guid Id, int Year, int Month, decimal MonthInvestment, decimal Cumulative, int? ProgressPercent, string Progress,
    DateOnly FiledOn, string FiledBy, ReportState State, IReadOnlyList<ProblemView> Problems, IReadOnlyList<PhotoView> Photos, int Version);

/// <summary>Everything about one project: its record, lifecycle history, milestones, approvals with their figures, reports.</summary>
public sealed record ProjectDetail(ProjectView Project, IReadOnlyList<ProjectStage> NextStages, IReadOnlyList<StageChangeView> History,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ApprovalView> Approvals, ApprovalFigures ApprovalFigures,
    IReadOnlyList<ReportView> Reports, decimal CumulativeInvestment, string? WarningsDefaultBasis);

public sealed class ReadProjectDetail(AppDb dbs, CurrentUser user, TimeProvider clock, ReadProjects projects, Policies.PlatformDefaults defaults)
{
    public async Task<ProjectDetail> Handle(Guid id, CancellationToken ct)
    {
        var view = await projects.Get(id, ct);
        await using var db = dbs.Open();
        var today = BusinessDate.Today(clock);
        var resolver = await ProjectSettings.ForPathsAsync(db, [view.JurisdictionPath], ct);
        var settings = resolver.SettingsAt(view.JurisdictionPath);
        var calendar = resolver.CalendarAt(view.JurisdictionPath);
        // Ordered here: SQLite cannot order by a DateTimeOffset.
        var history = (await db.Set<ProjectStageChange>().AsNoTracking().Where(c => c.ProjectId == id).ToListAsync(ct)).OrderBy(c => c.On).ThenBy(c => c.ChangedAt).ToList();
        var milestones = await db.Set<ProjectMilestone>().AsNoTracking().Where(m => m.ProjectId == id).ToListAsync(ct);
        var approvals = await db.Set<ProjectApproval>().AsNoTracking().Where(a => a.ProjectId == id).ToListAsync(ct);
        var reports = await db.Set<MonthlyReport>().AsNoTracking().Where(r => r.ProjectId == id).OrderBy(r => r.Year).ThenBy(r => r.Month).ToListAsync(ct);
        var problems = (await ReportProblems.OfProjectsAsync(db, [id], ct)).ToLookup(p => p.ReportId);
        var photos = (await db.Set<ReportPhoto>().AsNoTracking().Where(p => p.ProjectId == id).Select(p => new { p.Id, p.ReportId, p.FileName }).ToListAsync(ct)).ToLookup(p => p.ReportId);

        var running = 0m;
        var reportViews = reports.Select(r =>
        {
            running += r.MonthInvestment;
            return new ReportView(r.Id, r.Year, r.Month, r.MonthInvestment, running, r.ProgressPercent, r.Progress, r.FiledOn, r.FiledBy,
                Dispatch.StateOf(r.Year, r.Month, r.FiledOn, today, settings.Dispatch),
                problems[r.Id].ToList(), photos[r.Id].Select(p => new PhotoView(p.Id, p.FileName)).ToList(), r.Version);
        }).Reverse().ToList();
        var figures = ApprovalRules.Assess(approvals.Select(Record).ToList(), calendar, settings.ApprovalLimit, today);
        return new ProjectDetail(view, user.Can(Permission.ManageProjects) ? Lifecycle.Allowed(view.Stage) : [],
            history.Select(h => new StageChangeView(h.From, h.To, h.On, h.Note, h.ChangedBy, h.ChangedAt)).ToList(),
            Enum.GetValues<MilestoneKind>().Select(k => milestones.FirstOrDefault(m => m.Kind == k) is { } m
                ? new MilestoneView(k, m.PlannedOn, m.ActualOn, Milestones.StateOf(m.PlannedOn, m.ActualOn, today))
                : new MilestoneView(k, null, null, MilestoneState.Pending)).ToList(),
            Enum.GetValues<ApprovalKind>().Select(k => approvals.FirstOrDefault(a => a.Kind == k) is { } a
                ? new ApprovalView(k, a.Status, a.SubmittedOn, a.ApprovedOn, a.CommitmentDeadline, a.Commitment, a.Note,
                    a.SubmittedOn is { } s ? calendar.Elapsed(s, a.ApprovedOn ?? today) : null,
                    a.SubmittedOn is { } from ? calendar.YearsWithoutCalendar(from, a.ApprovedOn ?? today) : [])
                : new ApprovalView(k, ApprovalStatus.NotStarted, null, null, null, null, null, null, [])).ToList(),
            figures, reportViews, running,
            resolver.PackAt(view.JurisdictionPath) is { } pack ? defaults.BasisOf(pack, ProjectRulesLoader.FileName, "warnings") : ProjectSettings.BuiltIn);
    }

    internal static ApprovalRecord Record(ProjectApproval a) => new(a.Kind, a.Status, a.SubmittedOn, a.ApprovedOn, a.CommitmentDeadline);
}
