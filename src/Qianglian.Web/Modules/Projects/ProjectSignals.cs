using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// The early-warning lights of a batch of projects, with the parts the rule needs loaded in a few queries (not per
/// project): overdue 容缺 commitments, late milestones, the 投产 milestone, and the latest report that is due.
/// </summary>
public static class ProjectSignals
{
    public static async Task<IReadOnlyDictionary<Guid, Signal>> ForAsync(AppDbContext db, IReadOnlyList<Project> projects, DateOnly today, CancellationToken ct)
    {
        if (projects.Count == 0) return new Dictionary<Guid, Signal>();
        var ids = projects.Select(p => p.Id).ToList();
        var resolver = await ProjectSettings.ForPathsAsync(db, projects.Select(p => p.JurisdictionPath), ct);
        var commitments = (await db.Set<ProjectApproval>().AsNoTracking()
                .Where(a => ids.Contains(a.ProjectId) && a.Status == ApprovalStatus.Tolerated && a.CommitmentDeadline != null && a.CommitmentDeadline < today)
                .Select(a => new { a.ProjectId, Deadline = a.CommitmentDeadline!.Value }).ToListAsync(ct))
            .ToLookup(a => a.ProjectId, a => a.Deadline);
        var milestones = (await db.Set<ProjectMilestone>().AsNoTracking().Where(m => ids.Contains(m.ProjectId)).ToListAsync(ct)).ToLookup(m => m.ProjectId);
        var months = projects.Select(p => LastDueMonth(today, resolver.SettingsAt(p.JurisdictionPath).Dispatch)).Distinct().ToList();
        var keys = months.Select(m => m.Year * 100 + m.Month).ToList();
        var filed = (await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId) && keys.Contains(r.Year * 100 + r.Month))
            .Select(r => new { r.ProjectId, r.Year, r.Month }).ToListAsync(ct)).Select(r => (r.ProjectId, r.Year, r.Month)).ToHashSet();

        return projects.ToDictionary(p => p.Id, p =>
        {
            var settings = resolver.SettingsAt(p.JurisdictionPath);
            var due = LastDueMonth(today, settings.Dispatch);
            var overdue = Dispatch.MustReport(p.ActualStart, p.ActualCompletion, p.TerminatedOn, due.Year, due.Month) && !filed.Contains((p.Id, due.Year, due.Month));
            var ms = milestones[p.Id].ToList();
            var facts = new SignalFacts(p.Stage, p.StageSince, p.PlannedStart, p.PlannedCompletion,
                ms.FirstOrDefault(m => m.Kind == MilestoneKind.Production)?.ActualOn, commitments[p.Id].ToList(), overdue,
                ms.Count(m => Milestones.StateOf(m.PlannedOn, m.ActualOn, today) == MilestoneState.Late));
            return Signals.Assess(facts, settings.Warnings, today);
        });
    }

    /// <summary>The latest month whose report is already due on <paramref name="today"/>.</summary>
    public static (int Year, int Month) LastDueMonth(DateOnly today, DispatchRules rules)
    {
        var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (today <= Dispatch.DueDate(previous.Year, previous.Month, rules)) previous = previous.AddMonths(-1);
        return (previous.Year, previous.Month);
    }
}
