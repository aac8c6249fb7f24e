using Qianglian.Core.Quotas;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// The office records what a chain is granted of an element for a year (the 用地指标、能耗指标、排污指标 and 优惠电量
/// issued to it), with the document or decision it rests on. A grant only adds to the pool; a correction is a
/// transfer or a new year's grant, so the history stays whole.
/// </summary>
public sealed class GrantQuota(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(Guid? ChainId, int? Year, QuotaElement? Element, decimal? Amount, string? Basis);

    public async Task<Guid> Handle(Request r, CancellationToken ct)
    {
        user.Require(Permission.ManageQuotas);
        await using var db = dbs.Open();
        var chain = await QuotaPools.ChainAsync(db, r.ChainId, "chainId", ct);
        var (year, element) = QuotaPools.Key(r.Year, r.Element);
        var amount = QuotaPools.Amount(r.Amount);
        var basis = Text.Required(r.Basis, "basis", "下达依据", 500);
        var me = await db.ActingCallerAsync(user.Name, ct);
        var pool = await QuotaPools.OpenAsync(db, chain, year, element, ct);
        pool.Granted += amount;
        var grant = new QuotaMovement
        {
            JurisdictionId = chain.JurisdictionId, PoolId = pool.Id, ChainId = chain.Id, Year = year, Element = element, Kind = QuotaMovementKind.Grant,
            Amount = amount, Basis = basis, On = BusinessDate.Today(clock), RecordedBy = me.Name,
        };
        db.Add(grant);
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }
}
