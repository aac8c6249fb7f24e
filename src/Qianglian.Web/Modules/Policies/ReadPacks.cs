using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Policies;

/// <summary>The loaded policy packs, with declared against named counts ("declared 9, named 0").</summary>
public sealed class ReadPacks(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<PackView>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewPolicies);
        await using var db = dbs.Open();
        var packs = await db.PolicyPacks.AsNoTracking().OrderBy(p => p.JurisdictionPath).ToListAsync(ct);
        var ecosystems = await db.Ecosystems.AsNoTracking().Where(e => e.PackCode != null).OrderBy(e => e.Ordinal).ToListAsync(ct);
        var chains = await db.Chains.AsNoTracking().Where(c => c.PackCode != null).OrderBy(c => c.Ordinal).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.PackCode != null).GroupBy(t => t.PackCode!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return packs.Select(p =>
        {
            var eco = ecosystems.Where(e => e.PackCode == p.Code).Select(e => e.Name).ToList();
            var ch = chains.Where(c => c.PackCode == p.Code).Select(c => c.Name).ToList();
            return new PackView(p.Id, p.Code, p.Name, p.PackVersion, p.LoadedAt, p.JurisdictionId, p.JurisdictionPath,
                p.DeclaredEcosystemCount, eco.Count, p.DeclaredChainCount, ch.Count,
                p.WorkingKitName, p.WorkingKitDeclaredCount, p.WorkingKitItems, p.WorkingKitSource, eco, ch, targets.GetValueOrDefault(p.Code));
        }).ToList();
    }
}
