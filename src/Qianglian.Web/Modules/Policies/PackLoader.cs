using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Policies;

// TEMPORARY until the pack reader lands.
public sealed class PackLoader(AppDb dbs)
{
    public async Task LoadAllAsync(string root, CancellationToken ct)
    {
        await using var db = dbs.OpenSystem();
        if (await db.Jurisdictions.AnyAsync(ct)) return;
        var nation = Jurisdiction.Create(Jurisdiction.NationalCode, Jurisdiction.NationalName, JurisdictionLevel.National, null);
        var sc = Jurisdiction.Create("510000", "四川省", JurisdictionLevel.Province, nation);
        var pzh = Jurisdiction.Create("510400", "攀枝花市", JurisdictionLevel.City, sc);
        var xq = Jurisdiction.Create("510403", "西区", JurisdictionLevel.County, pzh);
        var dz = Jurisdiction.Create("511700", "达州市", JurisdictionLevel.City, sc);
        var sx = Jurisdiction.Create("610000", "陕西省", JurisdictionLevel.Province, nation);
        var ak = Jurisdiction.Create("610900", "安康市", JurisdictionLevel.City, sx);
        var cq = Jurisdiction.Create("500000", "重庆市", JurisdictionLevel.Province, nation);
        var qj = Jurisdiction.Create("500114", "黔江区", JurisdictionLevel.County, cq);
        db.Jurisdictions.AddRange(nation, sc, pzh, xq, dz, sx, ak, cq, qj);
        await db.SaveChangesAsync(ct);
    }
}
