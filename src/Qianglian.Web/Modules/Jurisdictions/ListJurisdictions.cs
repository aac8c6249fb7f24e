using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>The jurisdictions the caller can see, in tree order (parents before children).</summary>
public sealed class ListJurisdictions(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<JurisdictionView>> Handle(CancellationToken ct)
    {
        user.Require(Permission.ViewJurisdictions);
        await using var db = dbs.Open();
        var rows = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.JurisdictionPath).ToListAsync(ct);
        return rows.Select(JurisdictionView.Of).ToList();
    }

    public async Task<JurisdictionView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewJurisdictions);
        await using var db = dbs.Open();
        var j = await db.Jurisdictions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new Api.NotFoundException("jurisdiction", "辖区不存在 (jurisdiction not found)");
        return JurisdictionView.Of(j);
    }
}
