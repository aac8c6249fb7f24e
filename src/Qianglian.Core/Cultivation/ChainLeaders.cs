using Qianglian.Core.Jurisdictions;

namespace Qianglian.Core.Cultivation;

/// <summary>An enterprise's link to a chain as the panorama map records it (产业链全景图谱).</summary>
/// <param name="LeaderRole">The link names the enterprise 链主 of the chain.</param>
/// <param name="Rejected">The evidence behind the link was rejected on review.</param>
public sealed record LeaderLink(Guid ChainId, string ChainPath, Guid EnterpriseId, string EnterprisePath, bool LeaderRole, bool Rejected);

/// <summary>An exit from the three-tier ledger (退出程序) after the review of <paramref name="Year"/>.</summary>
public sealed record LedgerExit(Guid ChainId, Guid EnterpriseId, int Year);

/// <summary>A tier of the ledger held from <paramref name="FromYear"/> (a review of year R starts the tier in R + 1).</summary>
public sealed record LedgerEntry(Guid ChainId, Guid EnterpriseId, int FromYear);

/// <summary>
/// Who counts as a chain's 链主 — one rule for every figure that counts them (the 达州 target "每个产业链条培育2—3家
/// 链主企业", the chain index's 链主企业数, the tier ledger's chain table, the dashboards and the chief's desk):
/// <list type="number">
/// <item>the map links the enterprise to the chain as 链主, on evidence not rejected;</item>
/// <item>the enterprise lies inside the chain's jurisdiction (a chain counts its own place's enterprises, as every
/// chain figure does);</item>
/// <item>it has not left the ledger: 达州 （一） "建立年度评估机制，对未达标企业启动退出程序" — an enterprise the yearly
/// review took out of the 示范库/培育库/候选库 of the chain no longer counts from that review's year, until a later
/// review admits it again. An enterprise never reviewed counts by its link alone (西区, 攀枝花 keep no ledger).</item>
/// </list>
/// </summary>
public static class ChainLeaders
{
    /// <summary>Whether the link by itself names a 链主 of its chain (rules 1 and 2).</summary>
    public static bool Names(LeaderLink link) =>
        link.LeaderRole && !link.Rejected && JurisdictionPath.IsWithin(link.EnterprisePath, link.ChainPath);

    /// <summary>
    /// Whether the enterprise is out of the chain's ledger as of <paramref name="year"/> (null: as the ledger stands):
    /// its latest exit decided by a review of that year or before, and no tier started by a later review up to then.
    /// A review of year R decides for R: its exit counts from R, a re-admission (a tier from R + 1) too.
    /// </summary>
    public static bool Exited(Guid chainId, Guid enterpriseId, IEnumerable<LedgerExit> exits, IEnumerable<LedgerEntry> entries, int? year)
    {
        var last = exits.Where(x => x.ChainId == chainId && x.EnterpriseId == enterpriseId && (year is null || x.Year <= year))
            .Select(x => (int?)x.Year).Max();
        if (last is not { } exitYear) return false;
        return !entries.Any(e => e.ChainId == chainId && e.EnterpriseId == enterpriseId && e.FromYear - 1 > exitYear && (year is null || e.FromYear - 1 <= year));
    }

    /// <summary>The 链主 of each chain that has any, as of <paramref name="year"/> (null: as the ledger stands), each enterprise once.</summary>
    public static IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> PerChain(IEnumerable<LeaderLink> links, IReadOnlyCollection<LedgerExit> exits,
        IReadOnlyCollection<LedgerEntry> entries, int? year) =>
        links.Where(Names).Select(l => (l.ChainId, l.EnterpriseId)).Distinct()
            .Where(p => !Exited(p.ChainId, p.EnterpriseId, exits, entries, year))
            .GroupBy(p => p.ChainId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(p => p.EnterpriseId).ToHashSet());
}
