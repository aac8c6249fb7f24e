using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

public sealed record GanttRow(Guid ProjectId, string Project, IReadOnlyList<MilestoneView> Milestones);

/// <param name="Items">The cards, each with its stage and light (the board groups them into stage columns).</param>
public sealed record BoardView(IReadOnlyList<ProjectView> Items, int Total, IReadOnlyList<GanttRow> Gantt);

/// <summary>挂图作战: the projects as cards by stage with their lights, and the milestone Gantt of the same projects.</summary>
public sealed class ReadBoard(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public const int MaxCards = 500;

    public async Task<BoardView> Handle(ReadProjects.Query query, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var today = BusinessDate.Today(clock);
        var rows = ReadProjects.Filter(db.Set<Project>().AsNoTracking(), query with { Light = null });
        var projects = await rows.OrderBy(p => p.Stage).ThenByDescending(p => p.TotalInvestment).ThenBy(p => p.Id).Take(MaxCards * 4).ToListAsync(ct);
        var signals = await ProjectSignals.ForAsync(db, projects, today, ct);
        if (query.Light is { } light) projects = projects.Where(p => signals[p.Id].Light == light).ToList();
        var total = projects.Count;
        projects = projects.Take(MaxCards).ToList();
        var views = await ReadProjects.Views(db, projects, signals, ct);
        var ids = projects.Select(p => p.Id).ToList();
        var milestones = (await db.Set<ProjectMilestone>().AsNoTracking().Where(m => ids.Contains(m.ProjectId)).ToListAsync(ct)).ToLookup(m => m.ProjectId);
        var gantt = projects.Where(p => milestones[p.Id].Any(m => m.PlannedOn is not null || m.ActualOn is not null))
            .Select(p => new GanttRow(p.Id, p.Name, milestones[p.Id].OrderBy(m => m.Kind)
                .Select(m => new MilestoneView(m.Kind, m.PlannedOn, m.ActualOn, Milestones.StateOf(m.PlannedOn, m.ActualOn, today))).ToList()))
            .ToList();
        return new BoardView(views, total, gantt);
    }
}
