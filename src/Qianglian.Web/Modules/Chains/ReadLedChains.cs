using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>The chains the caller leads, among those it can see: as chief (链长) first, then as deputy, then through its lead department.</summary>
public sealed class ReadLedChains(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<Guid>> Handle(CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var led = (await db.ActingCallerAsync(user.Name, ct)).LedChains.ToList();
        var visible = await db.Chains.Where(c => led.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        return led.Where(visible.Contains).ToList();
    }
}
