using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// Moves a project along its lifecycle (Core's <see cref="Lifecycle"/> decides what may happen): records the
/// transition with its date and the user, and sets the stage's date on the project — in one save.
/// </summary>
public sealed class ChangeStage(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="On">The business date of the transition (签约日, 开工日 …); today when omitted.</param>
    public sealed record Request(ProjectStage To, DateOnly? On, string? Reason, int Version);

    public async Task<ProjectView> Handle(Guid id, Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        await using var db = dbs.Open();
        var project = await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ReadProjects.NotFound();
        var approvals = await db.Set<ProjectApproval>().AsNoTracking()
            .Where(a => a.ProjectId == id && (a.Kind == ApprovalKind.Land || a.Kind == ApprovalKind.ConstructionPermit)).ToListAsync(ct);
        ApprovalState StateOf(ApprovalKind kind) => approvals.FirstOrDefault(a => a.Kind == kind) is { } a ? new(a.Status, a.CommitmentDeadline) : ApprovalState.Missing;
        var today = BusinessDate.Today(clock);
        var on = request.On ?? today;
        var facts = new LifecycleFacts(project.Stage, project.StageSince, project.EnterpriseId is not null, StateOf(ApprovalKind.Land), StateOf(ApprovalKind.ConstructionPermit));
        var refusals = Lifecycle.Check(facts, request.To, on, request.Reason, today);
        if (refusals.Count > 0)
            throw new ValidationException(refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));

        db.ExpectVersion(project, request.Version);
        var from = project.Stage;
        project.Stage = request.To;
        switch (request.To)
        {
            case ProjectStage.Signed: project.SignedOn = on; break;
            case ProjectStage.Started: project.ActualStart = on; break;
            case ProjectStage.Completed: project.ActualCompletion = on; break;
            case ProjectStage.AtCapacity: project.AtCapacityOn = on; break;
            case ProjectStage.Terminated: (project.TerminatedOn, project.TerminationReason) = (on, request.Reason!.Trim()); break;
        }
        db.Add(new ProjectStageChange
        {
            From = from, To = request.To, On = on, Note = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(),
            ChangedBy = user.Name, ChangedAt = clock.GetUtcNow(),
        }.For<ProjectStageChange>(project));
        // The 开工 and 达产 milestones are reached by the transitions themselves.
        var milestone = request.To switch { ProjectStage.Started => MilestoneKind.Started, ProjectStage.AtCapacity => MilestoneKind.FullCapacity, _ => (MilestoneKind?)null };
        if (milestone is { } kind)
        {
            var row = await db.Set<ProjectMilestone>().FirstOrDefaultAsync(m => m.ProjectId == id && m.Kind == kind, ct)
                      ?? (ProjectMilestone)db.Add(new ProjectMilestone { Kind = kind }.For<ProjectMilestone>(project)).Entity;
            row.ActualOn ??= on;
        }
        await db.SaveChangesAsync(ct);
        return ProjectView.Of(project);
    }
}
