using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Policies;
using Qianglian.Core.Policies;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The coordination office turns an imported document's measures into tasks for their lead and cooperating units
/// (from the parsed responsibility clauses), sets each task's due date and milestones, and assigns to named units the
/// tasks the text leaves open (待分派).
/// </summary>
public sealed class PlanTasks(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record GenerateRequest(DateOnly? StartOn, DateOnly? DueOn);

    /// <summary>What a 待分派 task of a measure without a responsibility clause says it was named as.</summary>
    public const string NoUnitNamed = "（原文未写明责任单位）";

    /// <param name="Unassigned">Names that became tasks to assign by hand (待分派): 区级相关部门, 各行业主管部门, a name matching no
    /// unit, or a catch-all whose class has no registered unit.</param>
    /// <param name="Elsewhere">Units kept outside the caller's jurisdiction (a city bureau a district document names): their
    /// tasks would lie there, so their own jurisdiction plans them; none was made here.</param>
    /// <param name="Gaps">Members of a catch-all's class with no unit to task: a chain without a lead (or cooperating)
    /// department, a county without a registered government unit.</param>
    public sealed record GenerateResult(int Created, int Existing, IReadOnlyList<string> Unassigned, IReadOnlyList<string> Elsewhere, IReadOnlyList<string> Gaps);

    public sealed record MilestoneRequest(string? Title, DateOnly? DueOn, DateOnly? DoneOn = null);
    public sealed record ScheduleRequest(DateOnly? DueOn, IReadOnlyList<MilestoneRequest>? Milestones, int Version);

    /// <param name="UnitIds">The units that take the task over, in the caller's jurisdiction or below it.</param>
    public sealed record AssignRequest(IReadOnlyList<Guid>? UnitIds, int Version);

    /// <param name="TaskIds">The task of each unit, in the order given (the first is the task that was 待分派).</param>
    public sealed record AssignResult(IReadOnlyList<Guid> TaskIds);

    /// <summary>
    /// Idempotent: a measure's unit that already has its task keeps it (and its reports), and a name already made a
    /// 待分派 task (or assigned from one) is not made again. Catch-alls expand to their class (<see cref="CatchAllExpansion"/>).
    /// </summary>
    public async Task<GenerateResult> Generate(Guid documentId, GenerateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageTasks);
        await using var db = dbs.Open();
        var document = await db.PolicyDocuments.AsNoTracking().Where(d => d.Id == documentId)
                           .Select(d => new { d.Id, d.JurisdictionId, d.JurisdictionPath }).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("document", "政策文件不存在 (document not found)");
        var start = request.StartOn ?? BusinessDate.Today(clock);
        if (request.DueOn is { } due && due < start) throw new ValidationException("dueOn", "完成时限不能早于开始日期 (due before start)");
        var measures = await db.Measures.AsNoTracking().Where(m => m.DocumentId == documentId).Include(m => m.Units).OrderBy(m => m.Ordinal).ToListAsync(ct);
        // A task lies in its unit's jurisdiction: the caller plans those of the units of its subtree, and sees their tasks.
        var existing = await db.MeasureTasks.Where(t => t.DocumentId == documentId).Select(t => new { t.MeasureId, t.UnitId, t.NamedAs }).ToListAsync(ct);
        var have = existing.Where(e => e.UnitId != null).Select(e => (e.MeasureId, e.UnitId!.Value)).ToHashSet();
        var named = existing.Where(e => e.NamedAs != null).Select(e => (e.MeasureId, e.NamedAs!)).ToHashSet();
        var classes = new ClassMembers(db, document.JurisdictionId, document.JurisdictionPath);
        var unassigned = new SortedSet<string>(StringComparer.Ordinal);
        var elsewhere = new SortedSet<string>(StringComparer.Ordinal);
        var gaps = new SortedSet<string>(StringComparer.Ordinal);
        var wanted = new List<(Measure Measure, MeasureUnit Named, Guid? UnitId, string? Via)>();
        foreach (var measure in measures)
        {
            // A measure whose text names no responsible unit (达州 （七）) is not dropped: the office assigns it (待分派).
            if (measure.Units.Count == 0)
            {
                wanted.Add((measure, new MeasureUnit { MeasureId = measure.Id, Role = MeasureRole.Lead, RawName = NoUnitNamed }, null, null));
                continue;
            }
            // Leads first: a unit named (or expanded) as both keeps the lead's task; within a role, the units the clause names
            // itself before those a catch-all stands for (黔江 1: 区财政局 is named, and may also cooperate on a chain).
            foreach (var mu in measure.Units.OrderBy(u => u.Role).ThenBy(u => u.UnitId is null).ThenBy(u => u.Position))
            {
                if (mu.UnitId is { } unitId) { wanted.Add((measure, mu, unitId, null)); continue; }
                var kind = Enum.TryParse<CatchAllKind>(mu.CatchAll, out var k) ? k : (CatchAllKind?)null;
                var expansion = await classes.ExpandAsync(kind, ct);
                foreach (var gap in expansion.Gaps) gaps.Add($"{mu.RawName}：{gap}");
                if (expansion.Units.Count == 0) wanted.Add((measure, mu, null, null));
                else wanted.AddRange(expansion.Units.Select(u => (measure, mu, (Guid?)u.UnitId, (string?)u.Via)));
            }
        }
        var ids = wanted.Select(w => w.UnitId).OfType<Guid>().Distinct().ToList();
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.JurisdictionId, ct);
        var elsewhereNames = await db.UnitNamesAsync(ids.Where(id => !units.ContainsKey(id)), ct);
        var created = 0;
        foreach (var (measure, mu, unitId, via) in wanted)
        {
            var title = $"{measure.Number} {measure.Title}".Trim();
            var namedAs = mu.UnitId is null ? mu.RawName : null;
            if (unitId is not { } id)
            {
                // 待分派: kept at the document's place until the office names the units; made once per name.
                if (!named.Add((measure.Id, mu.RawName))) continue;
                unassigned.Add(mu.RawName);
                db.MeasureTasks.Add(new MeasureTask
                {
                    JurisdictionId = document.JurisdictionId, DocumentId = documentId, MeasureId = measure.Id, UnitId = null, Role = mu.Role,
                    NamedAs = mu.RawName, Title = title, StartOn = start, DueOn = request.DueOn, Status = MeasureTaskStatus.Unassigned,
                });
                created++;
                continue;
            }
            if (!units.TryGetValue(id, out var jurisdiction))
            {
                elsewhere.Add(namedAs is null ? mu.RawName : $"{elsewhereNames.GetValueOrDefault(id, "?")}（{mu.RawName}）");
                continue;
            }
            if (!have.Add((measure.Id, id))) continue;
            db.MeasureTasks.Add(new MeasureTask
            {
                JurisdictionId = jurisdiction, DocumentId = documentId, MeasureId = measure.Id, UnitId = id, Role = mu.Role,
                NamedAs = namedAs, Via = string.IsNullOrEmpty(via) ? null : via, Title = title, StartOn = start, DueOn = request.DueOn,
            });
            created++;
        }
        await db.SaveChangesAsync(ct);
        return new GenerateResult(created, existing.Count, unassigned.ToList(), elsewhere.ToList(), gaps.ToList());
    }

    /// <summary>
    /// The office names the units that take a 待分派 task over: the task becomes the first unit's (with its milestones and
    /// marks), and each further unit gets the same task. Its reporting starts on the day of assignment (a unit owes no
    /// report for months it did not hold the task), unless the due date has passed.
    /// </summary>
    public async Task<AssignResult> Assign(Guid taskId, AssignRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageTasks);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        var ids = (request.UnitIds ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new ValidationException("unitIds", "请选择承担任务的单位 (choose at least one unit)");
        // Only units of the caller's jurisdiction or below: the task moves to the unit's place, which the caller must see.
        await db.RequireVisibleAsync<GovernmentUnit>(ids, "unitIds",
            "承担单位须为本辖区及下级辖区登记的单位 (unitIds: a unit must be registered in your jurisdiction or below it)", ct);
        if (task.Status != MeasureTaskStatus.Unassigned) throw new ConflictException("该任务已分派 (the task is already assigned)");
        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.JurisdictionId, u.Name }, ct);
        var taken = await db.MeasureTasks.Where(t => t.MeasureId == task.MeasureId && t.UnitId != null && ids.Contains(t.UnitId.Value))
            .Select(t => t.UnitId!.Value).ToListAsync(ct);
        if (taken.Count > 0)
            throw new ValidationException("unitIds", $"{string.Join("、", taken.Select(t => units[t].Name))}已承担该措施的任务 (already has a task of this measure)");
        db.ExpectVersion(task, request.Version);
        var today = BusinessDate.Today(clock);
        var start = task.StartOn < today && (task.DueOn is not { } due || today <= due) ? today : task.StartOn;
        var milestones = await db.TaskMilestones.Where(m => m.TaskId == taskId).ToListAsync(ct);
        var reviews = await db.TaskReviews.Where(r => r.TaskId == taskId).ToListAsync(ct);
        var first = ids[0];
        (task.UnitId, task.JurisdictionId, task.Status, task.StartOn) = (first, units[first].JurisdictionId, MeasureTaskStatus.InProgress, start);
        foreach (var m in milestones) m.JurisdictionId = task.JurisdictionId;
        foreach (var r in reviews) r.JurisdictionId = task.JurisdictionId;
        var result = new List<Guid> { task.Id };
        foreach (var id in ids.Skip(1))
        {
            var copy = new MeasureTask
            {
                JurisdictionId = units[id].JurisdictionId, DocumentId = task.DocumentId, MeasureId = task.MeasureId, UnitId = id, Role = task.Role,
                NamedAs = task.NamedAs, Title = task.Title, StartOn = start, DueOn = task.DueOn,
            };
            db.MeasureTasks.Add(copy);
            db.TaskMilestones.AddRange(milestones.Select(m => new TaskMilestone { JurisdictionId = copy.JurisdictionId, TaskId = copy.Id, Title = m.Title, DueOn = m.DueOn }));
            result.Add(copy.Id);
        }
        await db.SaveChangesAsync(ct);
        return new AssignResult(result);
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
