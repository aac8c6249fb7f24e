using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// 兑付: records a payment (the lump sum, or one instalment) against the approved amount — never more than approved.
/// When the approved amount is paid in full, the application moves on to its archive stage.
/// </summary>
public sealed class RecordPayment(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(decimal Amount, DateOnly PaidOn, string Voucher, int Version);

    public async Task<ApplicationSummary> Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        var now = clock.GetUtcNow();
        var today = TimeDisplay.DateOf(now);
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var (a, measure) = (loaded.Application, loaded.Measure);
        var stage = loaded.RequireStage(StageKind.Payment);
        var me = await Acting.Of(db, user, a, ct);
        await Acting.RequireActor(db, stage, me, ct);
        if (measure.Rule.AmountToBeSet)
            throw new ValidationException("amount", "该措施的奖励金额待本级设定，设定前不能兑付 (the amount is still to be set)");
        var approved = a.ApprovedAmount ?? throw new ConflictException("申报尚未审定支持额度 (not approved)");
        var errors = new Dictionary<string, string[]>();
        if (r.Amount <= 0m) errors["amount"] = ["兑付金额须大于0 (the amount must be positive)"];
        else if (r.Amount != Wording.ToFen(r.Amount)) errors["amount"] = ["金额最多保留到分 (at most two decimals)"];
        else if (a.PaidAmount + r.Amount > approved)
            errors["amount"] = [$"兑付金额超过审定额度：审定 {Wording.Wan(approved)}，已兑付 {Wording.Wan(a.PaidAmount)}，本次 {Wording.Wan(r.Amount)} (exceeds the approved amount)"];
        if (string.IsNullOrWhiteSpace(r.Voucher)) errors["voucher"] = ["须填写支付凭证号 (voucher is required)"];
        if (r.PaidOn > today) errors["paidOn"] = ["支付日期不能晚于今天 (date in the future)"];
        if (a.ApprovedOn is { } on && r.PaidOn < on) errors["paidOn"] = [$"支付日期不能早于审定日期{Wording.Date(on)} (before the approval)"];
        if (errors.Count > 0) throw new ValidationException(errors);

        var count = await db.Set<IncentivePayment>().CountAsync(p => p.ApplicationId == id, ct) + 1;
        var remaining = approved - a.PaidAmount - r.Amount;
        if (a.PaymentMethod == PaymentMethod.LumpSum && remaining != 0m)
            throw new ValidationException("amount", $"审定为一次性支付，须一次付清 {Wording.Wan(approved)} (a lump sum is paid in full)");
        if (a.PaymentMethod == PaymentMethod.Instalments && count >= (a.Instalments ?? 1) && remaining != 0m)
            throw new ValidationException("amount", $"这是最后一期（共{a.Instalments}期），须付清余额 {Wording.Wan(approved - a.PaidAmount)} (the last instalment pays the rest)");

        db.ExpectVersion(a, r.Version);
        db.Add(new IncentivePayment
        {
            JurisdictionId = a.JurisdictionId, ApplicationId = a.Id, EnterpriseId = a.EnterpriseId, Instalment = count,
            Amount = r.Amount, PaidOn = r.PaidOn, Voucher = r.Voucher.Trim(), RecordedBy = user.Name,
        });
        a.PaidAmount += r.Amount;
        Applications.Log(db, loaded, stage.Key, ApplicationAction.Paid, user, me.User.UnitKey, me.UnitName, now,
            $"第{count}笔兑付 {Wording.Wan(r.Amount)}，凭证号 {r.Voucher.Trim()}，累计 {Wording.Wan(a.PaidAmount)} / 审定 {Wording.Wan(approved)}", r.Amount);
        if (a.PaidAmount == approved) new ApplicationMachine(loaded.RequireWorkflow(), a).Fire(WorkflowTrigger.Pass, now);
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [a], today, ct)).Single();
    }
}
