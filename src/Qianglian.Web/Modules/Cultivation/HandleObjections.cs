using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Objections to a published grade: an enterprise (or its county/park on its behalf) files one within the window;
/// the coordination office upholds it — giving the grade it should have — or dismisses it, with reasons.
/// </summary>
public sealed class HandleObjections(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record FileRequest(string Reason);
    public sealed record ResolveRequest(bool Upheld, string Resolution, string? NewClass, int Version);

    public async Task<Guid> File(Guid resultId, FileRequest r, CancellationToken ct)
    {
        user.Require(Permission.FileObjections);
        if (string.IsNullOrWhiteSpace(r.Reason)) throw new ValidationException("reason", "异议理由不能为空 (a reason is required)");
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var result = await db.EvaluationResults.AsNoTracking().FirstOrDefaultAsync(x => x.Id == resultId, ct) ?? throw new NotFoundException("result", "评价结果不存在 (result not found)");
        var run = await db.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == result.RunId, ct) ?? throw new NotFoundException("run", "评价不存在 (run not found)");
        if (run.Kind != RunKind.Grading) throw new ValidationException("result", "只能对亩均效益评价结果提出异议 (objections are to gradings)");
        if (GradingWorkflow.Apply(run.Status, RunAction.FileObjection, BusinessDate.Of(now), run.ObjectionDeadline).Error is { } error) throw new ConflictException(error);
        if (await db.Objections.AnyAsync(o => o.ResultId == resultId && o.Status == ObjectionStatus.Open, ct))
            throw new ConflictException("该企业已有未处理的异议 (an objection is already open)");
        var objection = new Objection
        {
            JurisdictionId = result.JurisdictionId, RunId = run.Id, ResultId = result.Id, EnterpriseId = result.EnterpriseId,
            Reason = r.Reason.Trim(), FiledBy = user.Name, FiledAt = now, Status = ObjectionStatus.Open,
        };
        db.Objections.Add(objection);
        await db.SaveChangesAsync(ct);
        return objection.Id;
    }

    public async Task Resolve(Guid objectionId, ResolveRequest r, CancellationToken ct)
    {
        user.Require(Permission.ManageCultivation);
        if (string.IsNullOrWhiteSpace(r.Resolution)) throw new ValidationException("resolution", "处理意见不能为空 (a resolution is required)");
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var objection = await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId, ct) ?? throw new NotFoundException("objection", "异议不存在 (objection not found)");
        var run = await db.EvaluationRuns.FirstAsync(x => x.Id == objection.RunId, ct);
        if (GradingWorkflow.Apply(run.Status, RunAction.ResolveObjection, BusinessDate.Of(now)).Error is { } error) throw new ConflictException(error);
        if (objection.Status != ObjectionStatus.Open) throw new ConflictException("该异议已处理 (already resolved)");
        db.ExpectVersion(objection, r.Version);
        var result = await db.EvaluationResults.FirstAsync(x => x.Id == objection.ResultId, ct);
        if (r.Upheld)
        {
            var model = await ModelCatalog.ById(db, result.ModelId, result.JurisdictionPath, ct);
            var classes = model.Classification.Bands.Select(b => b.Label).Concat(model.Exemptions.Select(x => x.Class)).Append(model.Classification.Otherwise)
                .Where(c => c.Length > 0).Distinct().ToList();
            if (r.NewClass is not { } grade || !classes.Contains(grade))
                throw new ValidationException("newClass", $"采纳异议须给出调整后的等级，应为：{string.Join("、", classes)} (the new grade must be one of the model's classes)");
            result.FinalClass = grade;
            objection.NewClass = grade;
        }
        (objection.Status, objection.Resolution, objection.ResolvedBy, objection.ResolvedAt) =
            (r.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed, r.Resolution.Trim(), user.Name, now);
        await db.SaveChangesAsync(ct);
    }
}
