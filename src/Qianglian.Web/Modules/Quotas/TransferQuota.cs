using Qianglian.Core.Quotas;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// 统筹调剂 (攀枝花 二: 链长牵头对全市工业用地、优惠电量、排污及能耗指标进行统筹调剂): the office moves part of one
/// chain's unallocated pool to another chain of its jurisdiction, same element and year. Both pools change in one save
/// (both versions are checked, so a concurrent allocation on the giving chain makes the transfer fail rather than
/// overdraw it); each side is an entry of its own chain's history.
/// </summary>
public sealed class TransferQuota(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid? FromChainId, Guid? ToChainId, int? Year, QuotaElement? Element, decimal? Amount, string? Reason);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageQuotas);
        await using var db = dbs.Open();
        var from = await QuotaPools.ChainAsync(db, r.FromChainId, "fromChainId", ct);
        var to = await QuotaPools.ChainAsync(db, r.ToChainId, "toChainId", ct);
        var (year, element) = QuotaPools.Key(r.Year, r.Element);
        var amount = QuotaPools.Amount(r.Amount);
        var reason = Text.Required(r.Reason, "reason", "调剂理由", 500);
        var giving = await QuotaPools.OpenAsync(db, from, year, element, ct);
        QuotaPools.Refuse(QuotaBalance.CheckTransfer(QuotaPools.Figures(giving), from.Id, to.Id, element, amount));
        var taking = await QuotaPools.OpenAsync(db, to, year, element, ct);
        giving.TransferredOut += amount;
        taking.TransferredIn += amount;
        var me = await db.ActingCallerAsync(user.Name, ct);
        var transfer = Guid.CreateVersion7();
        var today = BusinessDate.Today(clock);
        db.AddRange(
            new QuotaMovement
            {
                JurisdictionId = from.JurisdictionId, PoolId = giving.Id, ChainId = from.Id, Year = year, Element = element, Kind = QuotaMovementKind.TransferOut,
                Amount = amount, CounterpartChainId = to.Id, TransferId = transfer, Basis = reason, On = today, RecordedBy = me.Name,
            },
            new QuotaMovement
            {
                JurisdictionId = to.JurisdictionId, PoolId = taking.Id, ChainId = to.Id, Year = year, Element = element, Kind = QuotaMovementKind.TransferIn,
                Amount = amount, CounterpartChainId = from.Id, TransferId = transfer, Basis = reason, On = today, RecordedBy = me.Name,
            });
        await db.SaveChangesAsync(ct);
        return transfer;
    }
}
