using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The office's levers on stuck work (issue 16 item 5): 改派 — move an open problem to another unit, with the reason; 督办 —
/// put it under supervision with a new deadline; 催办 — urge a unit whose task or monthly report is late. The
/// coordination office (and the administrator) may pull them on any problem of its scope, a chain's chief and deputies
/// on their chain's problems; only the office urges tasks (it plans them). Each is recorded as an <see cref="OfficeLever"/>
/// (and a step of the problem's history), audited with the caller, and the unit's staff are told in the message centre
/// and their chosen channels.
/// </summary>
public sealed class PullLevers(AppDb dbs, CurrentUser user, TimeProvider clock, NotifyUnit notify, IStringLocalizer<Strings> L)
{
    public sealed record ReassignRequest(Guid UnitId, string? Reason, int Version);
    public sealed record SuperviseRequest(DateOnly? DueOn, string? Reason, int Version);
    public sealed record UrgeRequest(string? Reason);

    /// <summary>The office, or a leader of the problem's chain: who may steer a problem whatever unit handles it.</summary>
    public static bool Steers(Problem problem, Caller caller, ChainLeadership? chain) =>
        caller.Supervises || (caller.Is(Roles.ChainChief) && problem.ChainId is { } id
                              && (caller.UserId is { } me && chain?.ChiefUserId == me || caller.DeputyOf.Contains(id)));

    public async Task Reassign(Guid id, ReassignRequest request, CancellationToken ct)
    {
        user.Require(Permission.SteerProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var caller = await RequireSteererAsync(db, problem, ct);
        if (problem.Status != ProblemStatus.Open) throw new ConflictException("只有办理中的问题可以改派 (only an open problem can be reassigned)");
        if (problem.Level == EscalationLevel.ChainChief)
            throw new ConflictException("链长层级的问题由链长办理，不能改派单位 (at the chain chief's level there is no unit to reassign to)");
        var reason = Text.Required(request.Reason, "reason", "改派理由", 1000);
        await db.RequireVisibleOrInheritedAsync<GovernmentUnit>(request.UnitId, "unitId", "单位不存在 (unit not found)", ct);
        db.ExpectVersion(problem, request.Version);
        var now = clock.GetUtcNow();
        problem.AssignedUnitId = request.UnitId;
        if (problem.Level == EscalationLevel.Local) problem.FirstUnitId = request.UnitId;
        ProblemLadder.Record(db, problem, ProblemStepKind.Assigned, caller.Name, now, $"{L["Lever_Reassign"]}：{reason}");
        await PullAsync(db, LeverKind.Reassign, problem.JurisdictionId, problem.Id, request.UnitId, null, reason, null, caller.Name, now,
            L["Notice_Reassigned_Title"], string.Format(L["Notice_Reassigned_Body"], problem.Title, reason), $"/supervision/problems/{problem.Id}", ct);
    }

    public async Task Supervise(Guid id, SuperviseRequest request, CancellationToken ct)
    {
        user.Require(Permission.SteerProblems);
        await using var db = dbs.Open();
        var problem = await ProblemLadder.FindAsync(db, id, ct);
        var caller = await RequireSteererAsync(db, problem, ct);
        if (problem.Status != ProblemStatus.Open) throw new ConflictException("只有办理中的问题可以督办 (only an open problem can be supervised)");
        var reason = Text.Required(request.Reason, "reason", "督办要求", 1000);
        var today = BusinessDate.Of(clock.GetUtcNow());
        if (request.DueOn is not { } due) throw new ValidationException("dueOn", "请填写督办期限 (the new deadline is required)");
        if (due < today) throw new ValidationException("dueOn", "督办期限不能早于今天 (the new deadline cannot be in the past)");
        if (due > today.AddYears(1)) throw new ValidationException("dueOn", "督办期限不能超过一年 (the new deadline is at most a year ahead)");
        db.ExpectVersion(problem, request.Version);
        var now = clock.GetUtcNow();
        // The end of the business day in Beijing (UTC+8 all year): the escalation sweep moves it on the next day, not on the due day.
        problem.DueAt = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessDate.Offset);
        ProblemLadder.Record(db, problem, ProblemStepKind.Supervised, caller.Name, now, $"{due:yyyy-MM-dd}：{reason}");
        await PullAsync(db, LeverKind.Supervise, problem.JurisdictionId, problem.Id, problem.AssignedUnitId, problem.AssignedUserId, reason, due, caller.Name, now,
            L["Notice_Supervised_Title"], string.Format(L["Notice_Supervised_Body"], problem.Title, due.ToString("yyyy-MM-dd"), reason), $"/supervision/problems/{problem.Id}", ct);
    }

    /// <summary>催办: a task whose completion date has passed or whose monthly report is overdue (the task list's own states).</summary>
    public async Task Urge(Guid taskId, UrgeRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageTasks);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct)
                   ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        if (task.UnitId is not { } unit) throw new ConflictException("任务尚未分派责任单位 (the task has no responsible unit yet)");
        var row = (await ReadTasks.RowsAsync(db, [task], BusinessDate.Of(clock.GetUtcNow()), ct))[0];
        var late = task.Status == MeasureTaskStatus.InProgress
                   && (row.Deadline == DeadlineState.Overdue || row.ReportState == ReportState.Overdue || row.OverdueReports > 0);
        if (!late) throw new ConflictException("任务没有逾期的进展报送或完成期限，无需催办 (the task is not late)");
        var reason = Text.Optional(request.Reason, "reason", 1000) ?? "";
        var caller = await Caller.OfAsync(user, db, ct);
        var now = clock.GetUtcNow();
        var what = row.ReportState == ReportState.Overdue || row.OverdueReports > 0 ? L["Notice_Urged_Report"] : L["Notice_Urged_Deadline"];
        await PullAsync(db, LeverKind.Urge, task.JurisdictionId, task.Id, unit, null, reason, null, caller.Name, now,
            L["Notice_Urged_Title"], string.Format(L["Notice_Urged_Body"], task.Title, what, reason), $"/supervision/tasks/{task.Id}", ct);
    }

    private async Task<Caller> RequireSteererAsync(AppDbContext db, Problem problem, CancellationToken ct)
    {
        var caller = await Caller.OfAsync(user, db, ct);
        if (!Steers(problem, caller, await ProblemLadder.ChainOfAsync(db, problem, ct)))
            throw new ForbiddenException("只有融圈强链办或该链的链长、副链长可以改派、督办问题 (only the coordination office or the chain's chief may steer a problem)");
        return caller;
    }

    /// <summary>Records the lever with the change it makes (one audited save), then tells the unit.</summary>
    private async Task PullAsync(AppDbContext db, LeverKind kind, Guid jurisdictionId, Guid target, Guid? unitId, Guid? userId, string reason, DateOnly? due,
        string actor, DateTimeOffset now, string title, string body, string link, CancellationToken ct)
    {
        var told = await notify.CountAsync(unitId, userId, ct);
        db.Add(new OfficeLever
        {
            JurisdictionId = jurisdictionId, Kind = kind, TargetId = target, UnitId = unitId, Reason = reason, NewDueOn = due, Actor = actor, At = now,
            NotifiedCount = told,
        });
        await db.SaveChangesAsync(ct);
        var kindOfMessage = kind switch { LeverKind.Reassign => MessageKind.Reassigned, LeverKind.Supervise => MessageKind.Supervised, _ => MessageKind.Urged };
        await notify.SendAsync(unitId, userId, kindOfMessage, title, body, link, ct);
    }
}
