using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// The 链主 of chains as Core's <see cref="ChainLeaders"/> rule decides them, read for every screen and figure that
/// counts or lists them (targets, the chain index, the tier ledger's chain table, the dashboards, the chief's desk,
/// the map), so none of them counts differently: the map's 链主 links with their evidence and the enterprise's place,
/// and the ledger's exits and later admissions of the same chains and enterprises.
/// </summary>
public static class ChainLeaderRoster
{
    /// <summary>The 链主 of each chain (every chain asked has an entry, empty when it has none) as of <paramref name="year"/> (null: as the ledger stands).</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> OfChainsAsync(AppDbContext db, IEnumerable<Chain> chains, int? year, CancellationToken ct)
    {
        var paths = chains.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First().JurisdictionPath);
        var ids = paths.Keys.ToList();
        var links = ids.Count == 0 ? [] : await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                                                 join e in db.Enterprises on l.EnterpriseId equals e.Id
                                                 where ids.Contains(l.ChainId) && l.Role == ChainRole.ChainLeader
                                                 select new { l.ChainId, l.EnterpriseId, e.JurisdictionPath, l.Evidence }).ToListAsync(ct);
        var leaders = await ApplyAsync(db, links.Select(l => new LeaderLink(l.ChainId, paths[l.ChainId], l.EnterpriseId, l.JurisdictionPath, true,
            l.Evidence == EvidenceStrength.Rejected)).ToList(), year, ct);
        return ids.ToDictionary(id => id, id => leaders.GetValueOrDefault(id) ?? new HashSet<Guid>());
    }

    /// <summary>The 链主 of one chain.</summary>
    public static async Task<IReadOnlySet<Guid>> OfChainAsync(AppDbContext db, Chain chain, int? year, CancellationToken ct) =>
        (await OfChainsAsync(db, [chain], year, ct))[chain.Id];

    /// <summary>Which of <paramref name="enterprises"/> are 链主 of any chain (a park's 链主 enterprises).</summary>
    public static async Task<IReadOnlySet<Guid>> AmongAsync(AppDbContext db, IReadOnlyCollection<Guid> enterprises, int? year, CancellationToken ct) =>
        (await ChainsLedByAsync(db, enterprises, year, ct)).Values.SelectMany(s => s).ToHashSet();

    /// <summary>
    /// The chains <paramref name="enterprises"/> (null: every enterprise the caller sees) lead, with their 链主 among
    /// them. A chain kept above the caller (a district enterprise on its city's chain) is placed through the
    /// chain-leaderships door: its place only.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> ChainsLedByAsync(AppDbContext db, IReadOnlyCollection<Guid>? enterprises, int? year, CancellationToken ct)
    {
        var ids = enterprises?.Distinct().ToList();
        if (ids is { Count: 0 }) return new Dictionary<Guid, IReadOnlySet<Guid>>();
        var leaderLinks = db.EnterpriseNodeLinks.AsNoTracking().Where(l => l.Role == ChainRole.ChainLeader);
        if (ids is not null) leaderLinks = leaderLinks.Where(l => ids.Contains(l.EnterpriseId));
        var links = await (from l in leaderLinks
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           select new { l.ChainId, l.EnterpriseId, e.JurisdictionPath, l.Evidence }).ToListAsync(ct);
        var chainIds = links.Select(l => l.ChainId).Distinct().ToList();
        var paths = await db.Chains.AsNoTracking().Where(c => chainIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.JurisdictionPath, ct);
        foreach (var id in chainIds.Where(id => !paths.ContainsKey(id)))
            if (await db.ChainLeadershipAsync(id, ct) is { } above) paths[id] = above.JurisdictionPath;
        // A chain the caller can neither see nor reach (a sibling's) is not the enterprise's place's chain: not local.
        return await ApplyAsync(db, links.Where(l => paths.ContainsKey(l.ChainId))
            .Select(l => new LeaderLink(l.ChainId, paths[l.ChainId], l.EnterpriseId, l.JurisdictionPath, true, l.Evidence == EvidenceStrength.Rejected)).ToList(), year, ct);
    }

    private static async Task<IReadOnlyDictionary<Guid, IReadOnlySet<Guid>>> ApplyAsync(AppDbContext db, IReadOnlyList<LeaderLink> links, int? year, CancellationToken ct)
    {
        var named = links.Where(ChainLeaders.Names).ToList();
        if (named.Count == 0) return new Dictionary<Guid, IReadOnlySet<Guid>>();
        var (chains, firms) = (named.Select(l => l.ChainId).Distinct().ToList(), named.Select(l => l.EnterpriseId).Distinct().ToList());
        var exits = await db.TierExits.AsNoTracking().Where(x => chains.Contains(x.ChainId) && firms.Contains(x.EnterpriseId))
            .Select(x => new LedgerExit(x.ChainId, x.EnterpriseId, x.Year)).ToListAsync(ct);
        var entries = exits.Count == 0 ? [] : await db.TierMemberships.AsNoTracking().Where(m => chains.Contains(m.ChainId) && firms.Contains(m.EnterpriseId))
            .Select(m => new LedgerEntry(m.ChainId, m.EnterpriseId, m.FromYear)).ToListAsync(ct);
        return ChainLeaders.PerChain(named, exits, entries, year);
    }
}
