using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Investment;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Investment;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Target enterprises pushed to the user's own locality (the push is written in the receiving locality), waiting to be
/// accepted or returned with a reason (<see cref="TargetLists.CheckAnswer"/>). The documents set no deadline for the
/// answer, so the item has none.
/// </summary>
public sealed class TargetPushesInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.TargetPush];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageInvestment) || caller.Acting.JurisdictionId is not { } home) return [];
        var pushes = await caller.Db.Set<TargetPush>().AsNoTracking().Where(p => p.Status == PushStatus.Pending && p.JurisdictionId == home)
            .OrderBy(p => p.EnterpriseName).ToListAsync(ct);
        return pushes.Select(p => new InboxItem(InboxKind.TargetPush, p.Id, L["Inbox_Push_What", p.EnterpriseName, p.ChainName, p.NodeName], L["Inbox_Push_Why"],
            null, null, false, false, "/investment/targets", p.JurisdictionPath)).ToList();
    }
}
