using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The coordination office turns an imported document's measures into tasks for their lead and cooperating units
/// (from the parsed responsibility clauses) and sets each task's due date and milestones.
/// </summary>
public sealed class PlanTasks(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record GenerateRequest(DateOnly? StartOn, DateOnly? DueOn);

    /// <param name="Unmatched">Names in the clauses that are no registered unit (catch-alls like 各县（区）): no task was made for them.</param>
    /// <param name="Elsewhere">Units kept outside the caller's jurisdiction (a city bureau a district document names): their
    /// tasks would lie there, so their own jurisdiction plans them; none was made here.</param>
    public sealed record GenerateResult(int Created, int Existing, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Elsewhere);

    public sealed record MilestoneRequest(string? Title, DateOnly? DueOn, DateOnly? DoneOn = null);
    public sealed record ScheduleRequest(DateOnly? DueOn, IReadOnlyList<MilestoneRequest>? Milestones, int Version);

    /// <summary>Idempotent: a measure's unit that already has its task keeps it (and its reports).</summary>
    public async Task<GenerateResult> Generate(Guid documentId, GenerateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageTasks);
        await using var db = dbs.Open();
        if (!await db.PolicyDocuments.AnyAsync(d => d.Id == documentId, ct))
            throw new NotFoundException("document", "政策文件不存在 (document not found)");
        var start = request.StartOn ?? BusinessDate.Today(clock);
        if (request.DueOn is { } due && due < start) throw new ValidationException("dueOn", "完成时限不能早于开始日期 (due before start)");
        var measures = await db.Measures.AsNoTracking().Where(m => m.DocumentId == documentId).Include(m => m.Units).OrderBy(m => m.Ordinal).ToListAsync(ct);
        // A task lies in its unit's jurisdiction: the caller plans those of the units of its subtree, and sees their tasks.
        var existing = await db.MeasureTasks.Where(t => t.DocumentId == documentId).Select(t => new { t.MeasureId, t.UnitId }).ToListAsync(ct);
        var have = existing.Select(e => (e.MeasureId, e.UnitId)).ToHashSet();
        var unitIds = measures.SelectMany(m => m.Units).Select(u => u.UnitId).OfType<Guid>().Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.JurisdictionId, ct);
        var unmatched = new SortedSet<string>(StringComparer.Ordinal);
        var elsewhere = new SortedSet<string>(StringComparer.Ordinal);
        var created = 0;
        foreach (var measure in measures)
            foreach (var mu in measure.Units.OrderBy(u => u.Position))
            {
                if (mu.UnitId is not { } unitId) { unmatched.Add(mu.RawName); continue; }
                if (!units.TryGetValue(unitId, out var jurisdiction)) { elsewhere.Add(mu.RawName); continue; }
                if (!have.Add((measure.Id, unitId))) continue;
                db.MeasureTasks.Add(new MeasureTask
                {
                    JurisdictionId = jurisdiction, DocumentId = documentId, MeasureId = measure.Id, UnitId = unitId, Role = mu.Role,
                    Title = $"{measure.Number} {measure.Title}".Trim(), StartOn = start, DueOn = request.DueOn,
                });
                created++;
            }
        await db.SaveChangesAsync(ct);
        return new GenerateResult(created, existing.Count, unmatched.ToList(), elsewhere.ToList());
    }

    /// <summary>Sets the due date and replaces the milestones; a done milestone keeps the date it was done.</summary>
    public async Task Schedule(Guid taskId, ScheduleRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageTasks);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        if (request.DueOn is { } due && due < task.StartOn) throw new ValidationException("dueOn", "完成时限不能早于开始日期 (due before start)");
        var milestones = (request.Milestones ?? []).Select((m, i) =>
        {
            var title = Text.Required(m.Title, $"milestones[{i}].title", $"第{i + 1}个节点的名称", 200);
            var on = m.DueOn ?? throw new ValidationException($"milestones[{i}].dueOn", $"第{i + 1}个节点缺少时限 (due date required)");
            if (request.DueOn is { } d && on > d) throw new ValidationException($"milestones[{i}].dueOn", $"第{i + 1}个节点晚于任务完成时限 (after the task's due date)");
            return new TaskMilestone { JurisdictionId = task.JurisdictionId, TaskId = task.Id, Title = title, DueOn = on, DoneOn = m.DoneOn };
        }).ToList();
        db.ExpectVersion(task, request.Version);
        task.DueOn = request.DueOn;
        db.TaskMilestones.RemoveRange(await db.TaskMilestones.Where(m => m.TaskId == taskId).ToListAsync(ct));
        db.TaskMilestones.AddRange(milestones);
        // The task row changes too, so a concurrent schedule of the same task is a conflict, not a merge.
        db.Entry(task).Property(t => t.DueOn).IsModified = true;
        await db.SaveChangesAsync(ct);
    }
}
