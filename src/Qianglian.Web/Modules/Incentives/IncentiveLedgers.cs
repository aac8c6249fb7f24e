using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// The lists officials publish and keep: the public-disclosure list (公示) of approved applications, and the payment
/// ledger (兑付台账), as .xlsx, amounts in 万元 as officials write them.
/// </summary>
public sealed class IncentiveLedgers(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public async Task<byte[]> Disclosure(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        var y = year ?? BusinessDate.Of(clock.GetUtcNow()).Year;
        await using var db = dbs.Open();
        var rows = await db.Set<IncentiveApplication>().AsNoTracking()
            .Where(a => a.ApprovedAmount != null && a.ApprovedOn >= new DateOnly(y, 1, 1) && a.ApprovedOn <= new DateOnly(y, 12, 31)).ToListAsync(ct);
        var summaries = await ReadApplications.Summaries(db, rows, BusinessDate.Of(clock.GetUtcNow()), ct);
        var approvedOn = rows.ToDictionary(a => a.Id, a => a.ApprovedOn!.Value);
        var i = 0;
        return Workbooks.Rows($"{y}年政策兑现公示", summaries.OrderBy(s => approvedOn[s.Id]).ThenBy(s => s.Number).Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["序号"] = ++i, ["申报编号"] = s.Number, ["企业名称"] = s.EnterpriseName, ["项目名称"] = s.ProjectName ?? "",
            ["政策措施"] = s.MeasureTitle, ["审定金额（万元）"] = s.ApprovedAmount / 10_000m, ["审定日期"] = approvedOn[s.Id].ToString("yyyy-MM-dd"),
        }));
    }

    public async Task<byte[]> PaymentLedger(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var (from, to) = year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31)) : (DateOnly.MinValue, DateOnly.MaxValue);
        var payments = await db.Set<IncentivePayment>().AsNoTracking().Where(p => p.PaidOn >= from && p.PaidOn <= to)
            .OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = payments.Select(p => p.ApplicationId).Distinct().ToList();
        var apps = await db.Set<IncentiveApplication>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var summaries = (await ReadApplications.Summaries(db, apps, BusinessDate.Of(clock.GetUtcNow()), ct)).ToDictionary(s => s.Id);
        return Workbooks.Rows("兑付台账", payments.Select(p =>
        {
            var s = summaries[p.ApplicationId];
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["申报编号"] = s.Number, ["企业名称"] = s.EnterpriseName, ["项目名称"] = s.ProjectName ?? "", ["政策措施"] = s.MeasureTitle,
                ["审定金额（万元）"] = s.ApprovedAmount / 10_000m, ["期次"] = p.Instalment, ["支付金额（万元）"] = p.Amount / 10_000m,
                ["支付日期"] = p.PaidOn.ToString("yyyy-MM-dd"), ["凭证号"] = p.Voucher, ["经办人"] = p.RecordedBy,
                ["累计兑付（万元）"] = s.PaidAmount / 10_000m,
            };
        }));
    }
}
