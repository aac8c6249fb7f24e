using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>Government units the caller can see, optionally of one jurisdiction only.</summary>
public sealed class ListUnits(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<UnitView>> Handle(Guid? jurisdictionId, CancellationToken ct)
    {
        user.Require(Permission.ViewJurisdictions);
        await using var db = dbs.Open();
        var query = db.Units.AsNoTracking();
        if (jurisdictionId is { } id) query = query.Where(u => u.JurisdictionId == id);
        var rows = await query.OrderBy(u => u.JurisdictionPath).ThenBy(u => u.Name).ToListAsync(ct);
        return rows.Select(UnitView.Of).ToList();
    }

    public async Task<UnitView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewJurisdictions);
        await using var db = dbs.Open();
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                   ?? throw new Api.NotFoundException("unit", "单位不存在 (unit not found)");
        return UnitView.Of(unit);
    }
}
