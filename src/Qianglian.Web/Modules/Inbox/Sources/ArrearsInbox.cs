using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Arrears;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Arrears;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// The arrears ledger (清欠, 攀枝花 十四): for the office that keeps it, the claims filed and not yet verified, and the
/// claims overdue — past the payment date with nothing planned, or an instalment missed (<see cref="ArrearsOverdue"/>) —
/// which escalate to it until they are repaid or replanned.
/// </summary>
public sealed class ArrearsInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.ArrearsToVerify, InboxKind.ArrearsOverdue];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageArrears)) return [];
        var claims = await caller.Db.Set<ArrearsClaim>().AsNoTracking().Where(c => c.Status != ClaimStatus.Cleared).ToListAsync(ct);
        if (claims.Count == 0) return [];
        var ids = claims.Select(c => c.Id).ToList();
        var plans = (await caller.Db.Set<ArrearsInstalment>().AsNoTracking().Where(i => ids.Contains(i.ClaimId)).ToListAsync(ct))
            .ToLookup(i => i.ClaimId, i => new Instalment(i.DueOn, i.Amount));
        var enterprises = await caller.Db.EnterpriseNamesAsync(claims.Select(c => c.EnterpriseId).Distinct(), ct);
        var items = new List<InboxItem>();
        foreach (var c in claims)
        {
            var link = $"/arrears/{c.Id}";
            var creditor = enterprises.GetValueOrDefault(c.EnterpriseId, "");
            if (ArrearsOverdue.Since(c.Status, c.DueOn, c.RepaidAmount, plans[c.Id].ToList(), caller.Today) is { } since)
                items.Add(new InboxItem(InboxKind.ArrearsOverdue, c.Id, L["Inbox_ArrearsOverdue_What", c.DebtorName, creditor], L["Inbox_ArrearsOverdue_Why"],
                    since, null, true, false, link, c.JurisdictionPath));
            else if (c.Status == ClaimStatus.Filed)
                // The documents set no deadline for the verification: none is invented.
                items.Add(new InboxItem(InboxKind.ArrearsToVerify, c.Id, L["Inbox_ArrearsVerify_What", c.DebtorName, creditor], L["Inbox_ArrearsVerify_Why"],
                    null, null, false, false, link, c.JurisdictionPath));
        }
        return items;
    }
}
