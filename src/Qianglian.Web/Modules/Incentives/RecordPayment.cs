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
    /// <param name="PaidOn">Required: a payment without its date is refused, never stored as 0001-01-01.</param>
    public sealed record Request(decimal Amount, DateOnly? PaidOn, string Voucher, int Version);

    public async Task<ApplicationSummary> Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var (a, measure) = (loaded.Application, loaded.Measure);
        var stage = loaded.RequireStage(StageKind.Payment);
        var me = await Acting.Of(db, user, a, ct);
        await Acting.RequireActor(db, stage, me, ct);
        if (measure.Rule.AmountToBeSet)
            throw new ValidationException("amount", "该措施的奖励金额待本级设定，设定前不能兑付 (the amount is still to be set)");
        if (a.ApprovedAmount is null) throw new ConflictException("申报尚未审定支持额度 (not approved)");
        var count = await db.Set<IncentivePayment>().CountAsync(p => p.ApplicationId == id, ct) + 1;
        if (r.PaidOn is not { } paidOn) throw new ValidationException("paidOn", "须填写支付日期 (the payment date is required)");
        var errors = PaymentCheck.Check(Position(a, count - 1), new PaymentEntry(r.Amount, paidOn, r.Voucher), today);
        if (errors.Count > 0) throw new ValidationException(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        if (await PaymentVouchers.TakenAsync(db, measure, paidOn.Year, r.Voucher, ct))
            throw new ValidationException(PaymentVouchers.Field, PaymentVouchers.TakenMessage(measure, paidOn.Year, r.Voucher));

        db.ExpectVersion(a, r.Version);
        Apply(db, loaded, stage, me, user, new PaymentEntry(r.Amount, paidOn, r.Voucher.Trim()), count, now);
        await PaymentVouchers.SaveAsync(db, ct);
        return (await ReadApplications.Summaries(db, [a], today, ct)).Single();
    }

    /// <summary>Writes a checked payment: the payment row, the running total, the history line; paid in full, the file moves on.</summary>
    internal static void Apply(AppDbContext db, LoadedApplication loaded, StageDefinition stage, Acting.Me me, CurrentUser user, PaymentEntry payment,
        int instalment, DateTimeOffset now)
    {
        var a = loaded.Application;
        var voucher = payment.Voucher?.Trim() ?? "";
        var (keeper, fund) = PaymentVouchers.FundOf(loaded.Measure);
        db.Add(new IncentivePayment
        {
            JurisdictionId = a.JurisdictionId, ApplicationId = a.Id, EnterpriseId = a.EnterpriseId, Instalment = instalment,
            Amount = payment.Amount, PaidOn = payment.PaidOn, Voucher = voucher, RecordedBy = user.Name,
            FundJurisdictionId = keeper, Fund = fund, Year = payment.PaidOn.Year,
        });
        a.PaidAmount += payment.Amount;
        Applications.Log(db, loaded, stage.Key, ApplicationAction.Paid, user, me.User.UnitKey, me.UnitName, now,
            $"第{instalment}笔兑付 {Wording.Wan(payment.Amount)}，凭证号 {voucher}，累计 {Wording.Wan(a.PaidAmount)} / 审定 {Wording.Wan(a.ApprovedAmount ?? 0m)}", payment.Amount);
        if (a.PaidAmount == a.ApprovedAmount) loaded.Machine().Fire(WorkflowTrigger.Pass, now);
    }

    /// <summary>An approved application's payment position (approval and what is paid so far).</summary>
    internal static PaymentPosition Position(IncentiveApplication a, int paymentsSoFar) =>
        new(a.ApprovedAmount ?? 0m, a.PaymentMethod != PaymentMethod.Instalments, a.Instalments, a.PaidAmount, paymentsSoFar, a.ApprovedOn);
}
