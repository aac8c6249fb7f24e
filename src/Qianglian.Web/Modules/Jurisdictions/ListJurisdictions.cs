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

    public sealed record SwitchChoice(string Code, string Name, string Path, int Depth);

    /// <summary>
    /// Where the caller may narrow its view: its home jurisdiction and every county-or-higher level below it (parks are
    /// viewed through their county), in tree order with each one's depth below home. Read in the home scope, not the
    /// narrowed view, so the caller can widen the view again.
    /// </summary>
    public async Task<IReadOnlyList<SwitchChoice>> ViewChoices(CancellationToken ct)
    {
        await using var db = dbs.OpenHome();
        var rows = await db.Jurisdictions.AsNoTracking().Where(j => j.Level != JurisdictionLevel.Park)
            .OrderBy(j => j.JurisdictionPath).Select(j => new { j.Code, j.Name, j.JurisdictionPath }).ToListAsync(ct);
        var home = user.HomeScope.Path.Count(ch => ch == '/');
        return rows.Select(r => new SwitchChoice(r.Code, r.Name, r.JurisdictionPath, Math.Max(0, r.JurisdictionPath.Count(ch => ch == '/') - home))).ToList();
    }
}
