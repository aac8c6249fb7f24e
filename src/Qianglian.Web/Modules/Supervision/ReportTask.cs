using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// A unit reports a month's progress on its task (one report per month), may mark milestones done and the task
/// completed. Only staff of the unit the task is assigned to may report on it.
/// </summary>
public sealed class ReportTask(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(string? Period, string? Progress, string? Difficulties, int? PercentComplete,
        IReadOnlyList<Guid>? MilestonesDone = null, bool Completed = false);

    public async Task<Guid> Handle(Guid taskId, Request request, CancellationToken ct)
    {
        user.Require(Permission.ReportProgress);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        if (task.UnitId is not { } unit)
            throw new ValidationException("taskId", "该任务待分派，分派到单位后由承担单位报送 (the task is not assigned to a unit yet)");
        var caller = await Caller.OfAsync(user, db, ct);
        if (caller.UnitId != unit)
            throw new ValidationException("taskId", "该任务未分派给本单位，不能报送进展 (the task is not assigned to your unit)");
        if (!ReportPeriod.TryParse(request.Period, out var period))
            throw new ValidationException("period", "报送月份格式应为“2025-03” (period must be yyyy-MM)");
        var today = BusinessDate.Today(clock);
        if (period > ReportPeriod.Of(today)) throw new ValidationException("period", "不能报送未来月份 (a future month cannot be reported)");
        if (period < ReportPeriod.Of(task.StartOn)) throw new ValidationException("period", "任务开始前的月份无需报送 (before the task started)");
        var progress = Text.Required(request.Progress, "progress", "工作进展", 4000);
        if (request.PercentComplete is not (>= 0 and <= 100) and not null)
            throw new ValidationException("percentComplete", "完成比例应为0至100 (0–100)");
        var periodText = period.ToString();
        if (await db.TaskReports.AnyAsync(r => r.TaskId == taskId && r.Period == periodText, ct))
            throw new ConflictException($"{periodText} 的进展已报送 (this month is already reported)");
        var done = request.MilestonesDone ?? [];
        var milestones = await db.TaskMilestones.Where(m => m.TaskId == taskId && done.Contains(m.Id)).ToListAsync(ct);
        if (milestones.Count != done.Distinct().Count()) throw new ValidationException("milestonesDone", "节点不属于该任务 (milestone not of this task)");
        foreach (var m in milestones) m.DoneOn ??= today;

        var report = new TaskReport
        {
            JurisdictionId = task.JurisdictionId, TaskId = task.Id, UnitId = unit, Period = periodText, Progress = progress,
            Difficulties = Text.Optional(request.Difficulties, "difficulties", 2000), PercentComplete = request.Completed ? 100 : request.PercentComplete ?? 0,
            SubmittedOn = today, SubmittedAt = clock.GetUtcNow(), SubmittedBy = caller.Name,
        };
        db.TaskReports.Add(report);
        if (request.Completed && task.Status != MeasureTaskStatus.Completed) (task.Status, task.CompletedOn) = (MeasureTaskStatus.Completed, today);
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}

/// <summary>The supervisor (督查) comments on a task and marks it red, yellow or green; the latest mark is the task's.</summary>
public sealed class ReviewTask(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(TrafficLight? Light, string? Comment);

    public async Task<Guid> Handle(Guid taskId, Request request, CancellationToken ct)
    {
        user.Require(Permission.ReviewTasks);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct) ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        if (request.Light is not { } light || !Enum.IsDefined(light)) throw new ValidationException("light", "请选择红、黄、绿灯 (choose red, yellow or green)");
        var comment = Text.Required(request.Comment, "comment", "督查意见", 2000);
        var caller = await Caller.OfAsync(user, db, ct);
        var review = new TaskReview { JurisdictionId = task.JurisdictionId, TaskId = task.Id, Light = light, Comment = comment, At = clock.GetUtcNow(), By = caller.Name };
        db.TaskReviews.Add(review);
        task.Light = light;
        await db.SaveChangesAsync(ct);
        return review.Id;
    }
}
