using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Quotas;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Quotas;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Projects' requests for quota waiting for their chain chief's allocation (攀枝花 二: 链长牵头…统筹调剂): the chief sees the
/// requests on the chains it chiefs; the office sees those on the chains of its scope that have no chief, since it
/// allocates for them. The documents set no deadline for the decision, so the item has none.
/// </summary>
public sealed class QuotaRequestsInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.QuotaRequest];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.AllocateQuotas)) return [];
        var office = caller.Is(Roles.CoordinationOffice);
        var chiefOf = caller.Acting.ChiefOf.ToList();
        if (!office && chiefOf.Count == 0) return [];
        var chiefless = office ? await caller.Db.Chains.AsNoTracking().Where(c => c.ChiefUserId == null).Select(c => c.Id).ToListAsync(ct) : [];
        var chains = chiefOf.Concat(chiefless).Distinct().ToList();
        var pending = await caller.Db.Set<QuotaRequest>().AsNoTracking()
            .Where(r => r.Status == QuotaRequestStatus.Pending && chains.Contains(r.ChainId)).OrderBy(r => r.RequestedOn).ToListAsync(ct);
        if (pending.Count == 0) return [];
        var names = await caller.Db.ChainNamesAsync(pending.Select(r => r.ChainId).Distinct(), ct);
        var projectIds = pending.Select(r => r.ProjectId).Distinct().ToList();
        var projects = await caller.Db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return pending.Select(r => new InboxItem(InboxKind.QuotaRequest, r.Id,
            L["Inbox_Quota_What", projects.GetValueOrDefault(r.ProjectId, ""), L["QuotaElement_" + r.Element], QuotaElements.Amount(r.Requested, r.Element)],
            L[chiefOf.Contains(r.ChainId) ? "Inbox_Quota_Why_Chief" : "Inbox_Quota_Why_Office", names.GetValueOrDefault(r.ChainId, "")],
            null, null, false, false, $"/quotas?chain={r.ChainId}&year={r.Year}", r.JurisdictionPath)).ToList();
    }
}
