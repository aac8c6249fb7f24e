using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// A grading's notice (公示): published with an objection window of some days, then locked — once the window has
/// closed and every objection is resolved — with its final grades and the model revisions it used.
/// </summary>
public sealed class PublishGrading(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record PublishRequest(int ObjectionDays, string? Notice, int Version);
    public sealed record LockRequest(int Version);

    public async Task Publish(Guid runId, PublishRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        if (r.ObjectionDays is < 1 or > 60) throw new ValidationException("objectionDays", $"异议期须为1–60天：{r.ObjectionDays} (between 1 and 60 days)");
        var today = BusinessDate.Of(clock.GetUtcNow());
        await using var db = dbs.Open();
        var run = await Grading(db, runId, ct);
        if (GradingWorkflow.Apply(run.Status, RunAction.Publish, today).Error is { } error) throw new ConflictException(error);
        db.ExpectVersion(run, r.Version);
        run.Status = RunStatus.Published;
        run.PublishedOn = today;
        run.ObjectionDeadline = GradingWorkflow.Deadline(today, r.ObjectionDays);
        run.Notice = string.IsNullOrWhiteSpace(r.Notice)
            ? $"{run.Title}结果现予公示，公示期自{today:yyyy年M月d日}至{run.ObjectionDeadline:yyyy年M月d日}。对评价结果有异议的企业，请在公示期内提出。"
            : r.Notice.Trim();
        await db.SaveChangesAsync(ct);
    }

    public async Task Lock(Guid runId, LockRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var run = await Grading(db, runId, ct);
        var open = await db.Objections.CountAsync(o => o.RunId == run.Id && o.Status == ObjectionStatus.Open, ct);
        if (GradingWorkflow.Apply(run.Status, RunAction.Lock, BusinessDate.Of(now), run.ObjectionDeadline, open).Error is { } error) throw new ConflictException(error);
        db.ExpectVersion(run, r.Version);
        (run.Status, run.FinishedAt) = (RunStatus.Locked, now);
        await db.SaveChangesAsync(ct);
    }

    internal static async Task<EvaluationRun> Grading(AppDbContext db, Guid runId, CancellationToken ct)
    {
        var run = await db.EvaluationRuns.FirstOrDefaultAsync(x => x.Id == runId, ct) ?? throw new NotFoundException("run", "评价不存在 (run not found)");
        return run.Kind == RunKind.Grading ? run : throw new ValidationException("run", "这不是亩均效益评价 (not a grading)");
    }
}
