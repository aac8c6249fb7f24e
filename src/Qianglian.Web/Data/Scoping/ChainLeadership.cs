using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Data;

/// <summary>Who leads a chain: its lead department (牵头部门), its chief (链长) and deputies (副链长) — ids only.</summary>
public sealed record ChainLeadership(Guid ChainId, string JurisdictionPath, Guid? LeadUnitId, Guid? ChiefUserId, IReadOnlyList<Guid> DeputyUserIds)
{
    /// <summary>The leaders of a chain row the caller has already read.</summary>
    public static ChainLeadership Of(Chain chain) => new(chain.Id, chain.JurisdictionPath, chain.LeadUnitId, chain.ChiefUserId, chain.DeputyUserIds);
}

/// <summary>
/// Door: a chain's leaders route the work done along it, wherever the chain is kept — a district enterprise's problem
/// on its city's chain goes up the ladder to the city's lead department and chief (链长制, 达州 （二）). So a chain is
/// read by id past the jurisdiction filter, and only its place and leaders' ids leave (never its name, nodes or
/// enterprises), and only for a chain kept inside the caller's subtree or above it — never a sibling's. Chains carry
/// no enterprise filter; nothing else is lifted.
/// </summary>
public static class ChainLeaderships
{
    public static async Task<ChainLeadership?> ChainLeadershipAsync(this AppDbContext db, Guid chainId, CancellationToken ct)
    {
        var chain = await db.Set<Chain>().IgnoreQueryFilters([ScopeFilters.Jurisdiction]).AsNoTracking().Where(c => c.Id == chainId)
            .Select(c => new { c.Id, c.JurisdictionPath, c.LeadUnitId, c.ChiefUserId, c.DeputyUserIds }).FirstOrDefaultAsync(ct);
        return chain is null || !db.Scope.Reaches(chain.JurisdictionPath)
            ? null
            : new ChainLeadership(chain.Id, chain.JurisdictionPath, chain.LeadUnitId, chain.ChiefUserId, chain.DeputyUserIds);
    }
}
