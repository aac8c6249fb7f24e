using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// A project's milestones (planned and actual) and approvals (status and dates, 容缺 commitments). Each edit
/// carries the project's version: the project is the unit of concurrency, so two officials editing its parts at
/// once get a conflict rather than a silent mix.
/// </summary>
public sealed class EditProjectParts(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record MilestoneInput(MilestoneKind Kind, DateOnly? PlannedOn, DateOnly? ActualOn);
    public sealed record MilestonesRequest(IReadOnlyList<MilestoneInput> Milestones, int Version);

    public sealed record ApprovalRequest(ApprovalKind Kind, ApprovalStatus Status, DateOnly? SubmittedOn, DateOnly? ApprovedOn,
        DateOnly? CommitmentDeadline, string? Commitment, string? Note, int Version);

    public async Task SetMilestones(Guid projectId, MilestonesRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var today = BusinessDate.Today(clock);
        var input = request.Milestones ?? [];
        var errors = new List<(string Field, string Message)>();
        if (input.GroupBy(m => m.Kind).Any(g => g.Count() > 1)) errors.Add(("milestones", "同一节点重复 (a milestone appears twice)"));
        errors.AddRange(Milestones.CheckOrder(input.Select(m => (m.Kind, m.PlannedOn, m.ActualOn)).ToList(), today));
        Refuse(errors);
        await using var db = dbs.Open();
        var project = await Touch(db, projectId, request.Version, ct);
        var stored = await db.Set<ProjectMilestone>().Where(m => m.ProjectId == projectId).ToListAsync(ct);
        foreach (var m in input)
        {
            var row = stored.FirstOrDefault(s => s.Kind == m.Kind) ?? (ProjectMilestone)db.Add(new ProjectMilestone { Kind = m.Kind }.For<ProjectMilestone>(project)).Entity;
            (row.PlannedOn, row.ActualOn) = (m.PlannedOn, m.ActualOn);
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task SetApproval(Guid projectId, ApprovalRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var today = BusinessDate.Today(clock);
        Refuse(CheckApproval(r.Status, r.SubmittedOn, r.ApprovedOn, r.CommitmentDeadline, r.Commitment, today));
        await using var db = dbs.Open();
        var project = await Touch(db, projectId, r.Version, ct);
        var row = await db.Set<ProjectApproval>().FirstOrDefaultAsync(a => a.ProjectId == projectId && a.Kind == r.Kind, ct)
                  ?? (ProjectApproval)db.Add(new ProjectApproval { Kind = r.Kind }.For<ProjectApproval>(project)).Entity;
        Apply(row, r.Status, r.SubmittedOn, r.ApprovedOn, r.CommitmentDeadline, r.Commitment, r.Note);
        await db.SaveChangesAsync(ct);
    }

    internal static void Apply(ProjectApproval row, ApprovalStatus status, DateOnly? submitted, DateOnly? approved, DateOnly? deadline, string? commitment, string? note)
    {
        (row.Status, row.SubmittedOn, row.ApprovedOn) = (status, submitted, status == ApprovalStatus.Approved ? approved : null);
        (row.CommitmentDeadline, row.Commitment) = status == ApprovalStatus.Tolerated ? (deadline, commitment?.Trim()) : (null, null);
        row.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>An approval's dates and 容缺 commitment must make sense together.</summary>
    internal static List<(string Field, string Message)> CheckApproval(ApprovalStatus status, DateOnly? submitted, DateOnly? approved, DateOnly? deadline, string? commitment, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (status is ApprovalStatus.InProgress or ApprovalStatus.Approved or ApprovalStatus.Tolerated && submitted is null)
            errors.Add(("submittedOn", "已申报的手续须填写申报（受理）日期 (a submitted approval needs its submission date)"));
        if (status == ApprovalStatus.Approved && approved is null) errors.Add(("approvedOn", "已办结的手续须填写办结日期 (an approved approval needs its date)"));
        if (approved is { } a && submitted is { } s && a < s) errors.Add(("approvedOn", "办结日期不能早于申报日期 (approved before submitted)"));
        if (submitted > today || (status == ApprovalStatus.Approved && approved > today)) errors.Add(("submittedOn", "日期不能晚于今天 (dates must not be in the future)"));
        if (status == ApprovalStatus.Tolerated)
        {
            if (deadline is null) errors.Add(("commitmentDeadline", "容缺受理须填写承诺办结时限 (a 容缺 acceptance needs the committed deadline)"));
            if (string.IsNullOrWhiteSpace(commitment)) errors.Add(("commitment", "容缺受理须填写承诺事项 (a 容缺 acceptance needs the written commitment)"));
            if (deadline is { } d && submitted is { } s2 && d < s2) errors.Add(("commitmentDeadline", "承诺时限不能早于受理日期 (deadline before acceptance)"));
        }
        return errors;
    }

    /// <summary>Loads the project and makes its save conditional on the version the caller saw.</summary>
    internal static async Task<Project> Touch(AppDbContext db, Guid projectId, int version, CancellationToken ct)
    {
        var project = await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == projectId, ct) ?? throw ReadProjects.NotFound();
        db.ExpectVersion(project, version);
        db.Entry(project).State = EntityState.Modified;
        return project;
    }

    internal static void Refuse(IEnumerable<(string Field, string Message)> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0) throw new ValidationException(list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }
}
