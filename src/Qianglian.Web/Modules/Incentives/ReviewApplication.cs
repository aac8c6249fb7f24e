using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// The moves of a reviewing stage: pass it (受理, 会商通过 once every consulted unit has given its opinion, 专题研究
/// with its opinion, 归档), record an opinion (会商), return it for supplement or reject it — each with a reason.
/// Only the stage's role/unit (or the chain's chief) may act; the history records who, when and why.
/// </summary>
public sealed class ReviewApplication(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record TransitionRequest(WorkflowTrigger Trigger, string? Text, int Version);
    public sealed record OpinionRequest(string Text);

    public async Task<ApplicationSummary> Transition(Guid id, TransitionRequest r, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var a = loaded.Application;
        var workflow = loaded.RequireWorkflow();
        var stage = loaded.RequireStage();
        var me = await Acting.Of(db, user, a, ct);
        await Acting.RequireActor(db, stage, me, ct);
        db.ExpectVersion(a, r.Version);
        var text = string.IsNullOrWhiteSpace(r.Text) ? null : r.Text.Trim();
        ApplicationAction action;
        switch (r.Trigger)
        {
            case WorkflowTrigger.Pass:
                if (stage.Kind is StageKind.Approval) throw new ConflictException("审定环节须填写支持额度及支付方式后审定 (use the approval)");
                if (stage.Kind is StageKind.Payment) throw new ConflictException("兑付环节在审定金额付清后自动完成 (payment completes itself)");
                if (stage.Kind == StageKind.Consultation && await Opinions.Pending(db, a, stage, ct) is { Count: > 0 } pending)
                    throw new ConflictException("尚有会商单位未提出意见：" + string.Join("、", pending.Select(p => p.Name)) + " (opinions are missing)");
                if (stage.Kind == StageKind.Study && text is null)
                    throw new ValidationException("text", "专题研究须形成意见 (the special study records its opinion)");
                action = stage.Kind == StageKind.Archive ? ApplicationAction.Archived : ApplicationAction.Passed;
                break;
            case WorkflowTrigger.Return or WorkflowTrigger.Reject:
                if (text is null) throw new ValidationException("text", r.Trigger == WorkflowTrigger.Return ? "退回须说明需补充的内容 (a return needs a reason)" : "不予支持须说明理由 (a rejection needs a reason)");
                if (a.PaidAmount > 0m) throw new ConflictException("已有兑付记录，不能退回或不予支持 (payments have been made)");
                a.Reason = text;
                action = r.Trigger == WorkflowTrigger.Return ? ApplicationAction.Returned : ApplicationAction.Rejected;
                break;
            default:
                throw new ValidationException("trigger", "审批操作须为 Pass、Return 或 Reject (trigger must be Pass, Return or Reject)");
        }
        loaded.Machine().Fire(r.Trigger, now);
        // The amount is re-computed as the file moves on, so later stages see today's figures.
        if (r.Trigger == WorkflowTrigger.Pass) IncentiveCases.Record(a, await IncentiveCases.Evaluate(db, a, loaded.Measure, BusinessDate.Of(now), ct));
        Applications.Log(db, loaded, stage.Key, action, user, me.User.UnitKey, me.UnitName, now, text);
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [a], BusinessDate.Of(now), ct)).Single();
    }

    public async Task Opinion(Guid id, OpinionRequest r, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        if (string.IsNullOrWhiteSpace(r.Text)) throw new ValidationException("text", "会商意见不能为空 (the opinion is required)");
        var now = clock.GetUtcNow();
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var stage = loaded.RequireStage(StageKind.Consultation);
        var me = await Acting.Of(db, user, loaded.Application, ct);
        var consulted = me.User.UnitKey is { } unit && stage.Opinions.Contains(unit);
        if (!consulted && !stage.Actor.Allows(me.User))
        {
            var names = await Acting.UnitNames(db, stage.Opinions, ct);
            throw new ForbiddenException($"“{stage.Name}”的会商意见由{await Acting.Describe(db, stage.Actor, ct)}及{string.Join("、", stage.Opinions.Select(o => names.GetValueOrDefault(o, o)))}提出 (only the consulted units give opinions)");
        }
        Applications.Log(db, loaded, stage.Key, ApplicationAction.Opinion, user, me.User.UnitKey, me.UnitName, now, r.Text.Trim());
        await db.SaveChangesAsync(ct);
    }
}
