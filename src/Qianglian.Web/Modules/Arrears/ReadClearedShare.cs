using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Arrears;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// The cleared share (清偿率) by debtor or by locality (<see cref="ClearedShare"/>). By locality, every place directly
/// below the caller's view is listed — a place without claims says so (no share), never 0% — and claims filed at the
/// view's own level form a row of their own.
/// </summary>
public sealed class ReadClearedShare(AppDb dbs, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> L)
{
    public async Task<ClearedShareView> Handle(ArrearsGrouping? by, CancellationToken ct)
    {
        user.Require(Permission.ViewArrears);
        var grouping = by ?? ArrearsGrouping.Debtor;
        await using var db = dbs.Open();
        var today = BusinessDate.Today(clock);
        var claims = await db.Set<ArrearsClaim>().AsNoTracking().ToListAsync(ct);
        var ids = claims.Select(c => c.Id).ToList();
        var plans = (await db.Set<ArrearsInstalment>().AsNoTracking().Where(i => ids.Contains(i.ClaimId)).ToListAsync(ct))
            .ToLookup(i => i.ClaimId, i => new Instalment(i.DueOn, i.Amount));
        ClearedShare.Claim Of(ArrearsClaim c) => new(c.Status, c.ClaimedAmount, c.AgreedAmount, c.RepaidAmount,
            ArrearsOverdue.Since(c.Status, c.DueOn, c.RepaidAmount, plans[c.Id].ToList(), today) is not null);
        ClearedShareRow Row(string name, IReadOnlyCollection<ArrearsClaim> group)
        {
            var f = ClearedShare.Of(group.Select(Of).ToList());
            return new ClearedShareRow(name, f.Claims > 0, f.Claims, f.Verified, f.Disputed, f.Cleared, f.Overdue, f.Claimed, f.Agreed, f.Repaid, f.Share);
        }

        List<ClearedShareRow> rows;
        if (grouping == ArrearsGrouping.Debtor)
        {
            rows = claims.GroupBy(c => (c.DebtorKind, Key: c.DebtorUnitId?.ToString() ?? c.DebtorName))
                .Select(g => Row(g.First().DebtorName, g.ToList())).OrderBy(r => r.Share ?? 2).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        }
        else
        {
            var places = await db.Jurisdictions.AsNoTracking().Select(j => new { j.Id, j.Name, j.ParentId, j.JurisdictionPath, j.Level }).ToListAsync(ct);
            var view = places.Where(p => db.Scope.Path.StartsWith(p.JurisdictionPath, StringComparison.Ordinal)).MaxBy(p => p.JurisdictionPath.Length);
            var below = view is null ? places.Where(p => p.ParentId == null || places.All(q => q.Id != p.ParentId)).ToList()
                : places.Where(p => p.ParentId == view.Id).ToList();
            rows = below.OrderBy(p => p.JurisdictionPath, StringComparer.Ordinal)
                .Select(p => Row(p.Name, claims.Where(c => c.JurisdictionPath.StartsWith(p.JurisdictionPath, StringComparison.Ordinal)).ToList())).ToList();
            var atView = claims.Where(c => below.All(p => !c.JurisdictionPath.StartsWith(p.JurisdictionPath, StringComparison.Ordinal))).ToList();
            if (view is not null && (atView.Count > 0 || below.Count == 0)) rows.Insert(0, Row(view.Name, atView));
        }
        return new ClearedShareView(grouping, Row(L["ArrearsTotal"], claims), rows);
    }
}
