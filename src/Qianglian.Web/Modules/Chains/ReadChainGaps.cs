using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <param name="Id">The node's id.</param>
public sealed record ChainGapView(Guid Id, Guid ChainId, string ChainName, string JurisdictionPath, NodeGap Gap);

/// <summary>
/// The gap list of every chain the caller can see, for one year: the local enterprises of all nodes come from the
/// per-node statistics in one query (not chain by chain), then Core's <see cref="GapAnalysis"/> gives each node its
/// verdict under its chain's thresholds. Only nodes with a gap are returned — the list investment attraction works from.
/// </summary>
public sealed class ReadChainGaps(AppDb dbs, CurrentUser user)
{
    private const decimal AboveScaleRevenue = AboveScale.RevenueThreshold;

    public async Task<IReadOnlyList<ChainGapView>> Handle(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        year ??= await db.EnterpriseFacts.MaxAsync(f => (int?)f.Year, ct);
        var stats = db.Scope.EnterpriseId is null ? await Summarised(db, year, ct) : await Counted(db, year, ct);
        var chains = await db.Chains.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var nodes = await db.ChainNodes.AsNoTracking().OrderBy(n => n.ChainId).ThenBy(n => n.Ordinal).ToListAsync(ct);
        var thresholds = await Thresholds(db, chains.Values.Select(c => c.JurisdictionPath).Distinct().ToList(), ct);
        return nodes.Where(n => chains.ContainsKey(n.ChainId)).Select(n =>
        {
            var chain = chains[n.ChainId];
            var counted = stats.GetValueOrDefault(n.Id) ?? new NodeStats(0, 0, 0, 0, 0);
            return new ChainGapView(n.Id, chain.Id, chain.Name, chain.JurisdictionPath, GapAnalysis.Analyse(n.Id, n.Name, n.Demand, counted, thresholds[chain.JurisdictionPath]));
        }).Where(g => g.Gap.Kind != GapKind.None).ToList();
    }

    /// <summary>
    /// From the per-node statistics (<see cref="ChainStatistics"/>) of the chains the caller can see: they count every
    /// local enterprise, which is what such a caller sees — except an enterprise's own account (<see cref="Counted"/>).
    /// </summary>
    private static async Task<Dictionary<Guid, NodeStats>> Summarised(AppDbContext db, int? year, CancellationToken ct) =>
        await (from s in db.NodeStatistics
               join c in db.Chains on s.ChainId equals c.Id
               from y in db.NodeYearStatistics.Where(y => y.NodeId == s.NodeId && y.Year == year).DefaultIfEmpty()
               select new { s.NodeId, s.LocalCount, AboveScale = y == null ? 0 : y.AboveScaleCount, s.ConfirmedCount, s.LeaderCount, Output = y == null ? 0m : y.LocalOutput })
            .ToDictionaryAsync(x => x.NodeId, x => new NodeStats(x.LocalCount, x.AboveScale, x.ConfirmedCount, x.LeaderCount, x.Output), ct);

    /// <summary>Counted in one grouped query from the links the caller can see (an enterprise account's own).</summary>
    private static async Task<Dictionary<Guid, NodeStats>> Counted(AppDbContext db, int? year, CancellationToken ct) =>
        // Industry sections B, C, D are divisions 06 to 46: "06" <= code < "47" compares the stored digits.
        await (from l in db.EnterpriseNodeLinks
               join c in db.Chains on l.ChainId equals c.Id
               join e in db.Enterprises on l.EnterpriseId equals e.Id
               join f in db.EnterpriseFacts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into yearFacts
               from f in yearFacts.DefaultIfEmpty()
               where l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(c.JurisdictionPath)
               group new { l.Evidence, l.Role, Revenue = (decimal?)f.Revenue, Output = (decimal?)f.OutputValue, e.IndustryCode } by l.NodeId into g
               select new
               {
                   NodeId = g.Key,
                   Local = g.Count(),
                   AboveScale = g.Count(x => x.Revenue >= AboveScaleRevenue && x.IndustryCode != null
                                             && x.IndustryCode.CompareTo("06") >= 0 && x.IndustryCode.CompareTo("47") < 0),
                   Confirmed = g.Count(x => x.Evidence == EvidenceStrength.Confirmed),
                   Leaders = g.Count(x => x.Role == ChainRole.ChainLeader),
                   Output = g.Sum(x => x.Output) ?? 0,
               }).ToDictionaryAsync(x => x.NodeId, x => new NodeStats(x.Local, x.AboveScale, x.Confirmed, x.Leaders, x.Output), ct);

    /// <summary>Each path's thresholds: its own settings, else its nearest ancestor's, else the defaults.</summary>
    private static async Task<Dictionary<string, GapThresholds>> Thresholds(AppDbContext db, List<string> paths, CancellationToken ct)
    {
        var settings = await db.InheritedAsync<GapSettings>(paths, ct);
        return paths.ToDictionary(p => p, p => InheritedConfiguration.Nearest(settings, p) is { } s ? new GapThresholds(s.ShortShare) : GapThresholds.Default);
    }
}
