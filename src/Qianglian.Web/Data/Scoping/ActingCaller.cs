using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Data;

/// <summary>
/// Who is acting, read from the caller's own account at each operation (a changed posting applies at once): the
/// person, the home jurisdiction, the unit (a department, which may sit above the view the caller narrowed to), the
/// enterprise of an enterprise user, and the chains the caller leads — as chief (链长), deputy (副链长), or as a member
/// of the chain's lead department (牵头部门), which may be a city chain hosted above a district caller.
/// </summary>
public sealed record ActingCaller(Guid? UserId, string Name, Guid? JurisdictionId, Guid? UnitId, string? UnitKey, string? UnitName,
    Guid? EnterpriseId, IReadOnlyList<Guid> ChiefOf, IReadOnlyList<Guid> DeputyOf, IReadOnlyList<Guid> LeadUnitOf)
{
    /// <summary>The chains the caller leads: as chief first, then as deputy, then through its lead department.</summary>
    public IEnumerable<Guid> LedChains => ChiefOf.Concat(DeputyOf).Concat(LeadUnitOf).Distinct();
}

/// <summary>
/// Door: the acting caller's own account, unit and led chains — and nothing of anyone else. The jurisdiction filter is
/// lifted because a caller who narrowed the view (the jurisdiction switcher) sits above it, as may its unit and the
/// chains it leads.
/// </summary>
public static class ActingCallers
{
    /// <param name="fallbackName">The sign-in name, shown when the account has no display name (or no account: the system).</param>
    public static async Task<ActingCaller> ActingCallerAsync(this AppDbContext db, string fallbackName, CancellationToken ct)
    {
        if (db.Scope.UserId is not { } id) return new ActingCaller(null, fallbackName, null, null, null, null, null, [], [], []);
        var account = await db.Users.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, u.JurisdictionId, u.UnitId, u.EnterpriseId }).FirstOrDefaultAsync(ct);
        var unit = account?.UnitId is { } unitId
            ? await db.Set<GovernmentUnit>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().Where(u => u.Id == unitId)
                .Select(u => new { u.Key, u.Name }).FirstOrDefaultAsync(ct)
            : null;
        var leadUnit = account?.UnitId;
        var chains = await db.Set<Chain>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking()
            .Where(c => c.ChiefUserId == id || c.DeputyUserIds.Contains(id) || (leadUnit != null && c.LeadUnitId == leadUnit))
            .OrderBy(c => c.JurisdictionPath).ThenBy(c => c.Ordinal)
            .Select(c => new { c.Id, Chief = c.ChiefUserId == id, Deputy = c.DeputyUserIds.Contains(id), Lead = leadUnit != null && c.LeadUnitId == leadUnit }).ToListAsync(ct);
        return new ActingCaller(id, account?.DisplayName is { Length: > 0 } name ? name : fallbackName, account?.JurisdictionId, account?.UnitId, unit?.Key, unit?.Name,
            account?.EnterpriseId,
            chains.Where(c => c.Chief).Select(c => c.Id).ToList(), chains.Where(c => c.Deputy).Select(c => c.Id).ToList(),
            chains.Where(c => c.Lead).Select(c => c.Id).ToList());
    }
}
