using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// 交办事项: decisions of a chain's promotion meeting (or instructions after a visit) given to the user's unit with a
/// deadline (达州 （二）), open until the unit reports them done. State as the chief's desk shows it (<see cref="ReadChainWork"/>).
/// </summary>
public sealed class MattersInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.Matter];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (caller.Acting.UnitId is not { } unit || !caller.Can(Permission.ViewSupervision)) return [];
        var rows = await ReadChainWork.Matters(caller.Db, caller.Db.AssignedMatters.AsNoTracking().Where(m => m.UnitId == unit && m.Status == MatterStatus.Open), caller.Today, ct);
        var chains = await caller.Db.ChainNamesAsync(rows.Select(m => m.ChainId).Distinct(), ct);
        return rows.Select(m => new InboxItem(InboxKind.Matter, m.Id, L["Inbox_Matter_What", m.Decision], L["Inbox_Matter_Why", chains.GetValueOrDefault(m.ChainId, ""), m.Unit],
            m.DueOn, null, m.State == DeadlineState.Overdue, m.State == DeadlineState.DueSoon, "/supervision/chief", m.JurisdictionPath)).ToList();
    }
}
