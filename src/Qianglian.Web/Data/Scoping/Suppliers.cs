using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: the supplier of a supply link may be registered anywhere. A 链主's suppliers outside the jurisdiction are
/// recorded on purpose — they are what investment attraction works from — and an enterprise user sees no enterprise
/// but its own. Two answers cross the boundary for it, both about suppliers only, never a supplier's name, place or
/// figures:
/// <list type="bullet">
/// <item>which registered enterprise holds a 统一社会信用代码 the caller typed: the code is public (printed on every
/// business licence), and the internal id that answers it is only stored in the caller's own supply link, never
/// returned;</item>
/// <item>whether each supplier of the supply links the caller sees is registered inside a place (a 链主's local
/// supporting rate, 本地配套率).</item>
/// </list>
/// Of the enterprise registry, the filters that hide a supplier from this caller are lifted: another jurisdiction's
/// for an official, and another enterprise's as well for an enterprise user.
/// </summary>
public static class Suppliers
{
    /// <summary>The registered enterprises' ids by credit code, for the <paramref name="codes"/> that are registered.</summary>
    /// <param name="codes">Normalised codes, as the caller typed them (EnterpriseRules.NormaliseUscc).</param>
    public static async Task<Dictionary<string, Guid>> SupplierIdsByCodeAsync(this AppDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, Guid>();
        foreach (var chunk in codes.Distinct().Chunk(1000))
            foreach (var e in await Registry(db).Where(e => chunk.Contains(e.Uscc)).Select(e => new { e.Uscc, e.Id }).ToListAsync(ct))
                found[e.Uscc] = e.Id;
        return found;
    }

    /// <summary>
    /// Of <paramref name="supplierIds"/> (the suppliers of supply links the caller sees), those registered inside
    /// <paramref name="place"/>, which must be in the caller's scope or above it.
    /// </summary>
    public static async Task<HashSet<Guid>> SuppliersWithinAsync(this AppDbContext db, IEnumerable<Guid> supplierIds, string place, CancellationToken ct)
    {
        var within = new HashSet<Guid>();
        if (!db.Scope.Reaches(place)) return within;
        foreach (var chunk in supplierIds.Distinct().Chunk(1000))
            within.UnionWith(await Registry(db).Where(e => chunk.Contains(e.Id) && e.JurisdictionPath.StartsWith(place)).Select(e => e.Id).ToListAsync(ct));
        return within;
    }

    private static IQueryable<Enterprise> Registry(AppDbContext db)
    {
        string[] hiding = db.Scope.EnterpriseId is null ? [ScopeFilters.Jurisdiction] : [ScopeFilters.Jurisdiction, ScopeFilters.Enterprise];
        return db.Enterprises.IgnoreQueryFilters(hiding).AsNoTracking();
    }
}
