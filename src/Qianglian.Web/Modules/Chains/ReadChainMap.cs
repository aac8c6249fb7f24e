using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// Builds a chain's panorama map: every node with its local strength for the year — counts of local enterprises
/// (inside the chain's jurisdiction), 规上 count and output — and the gap verdict of Core's <see cref="GapAnalysis"/>
/// under the jurisdiction's thresholds; plus each 链主's local supporting rate from the supply links. The counts come
/// from the per-node statistics (<see cref="ChainStatistics"/>), not from every link: a province-scale chain has tens of
/// thousands. Which enterprises sit on a node is read when the node is opened (<see cref="ReadNodeEnterprises"/>).
/// </summary>
public sealed class ReadChainMap(AppDb dbs, CurrentUser user)
{
    public async Task<ChainMap> Handle(Guid chainId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct)
                    ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var thresholds = await ThresholdsFor(db, chain.JurisdictionPath, ct);
        List<NodeWithStats> nodes;
        if (db.Scope.EnterpriseId is null)
            (nodes, year) = await Summarised(db, chainId, year, ct);
        else
        {
            year ??= await DefaultYearAsync(db, chainId, ct);
            nodes = await Counted(db, chainId, chain.JurisdictionPath, year, ct);
        }
        var mapNodes = nodes.Select(x => new MapNode(x.Node.Id, x.Node.ParentId, x.Node.Name, x.Node.Stage, x.Node.Kind, x.Node.Keys,
            GapAnalysis.Analyse(x.Node.Id, x.Node.Name, x.Node.Demand, x.Stats, thresholds))).ToList();
        return new ChainMap(chain.Id, chain.Name, year, thresholds.ShortShare, mapNodes, await LeaderRates(db, chain, year, ct));
    }

    /// <summary>The thresholds of the chain's jurisdiction, else of its nearest ancestor that set them, else the defaults.</summary>
    private static async Task<GapThresholds> ThresholdsFor(AppDbContext db, string path, CancellationToken ct) =>
        InheritedConfiguration.Nearest(await db.InheritedAsync<GapSettings>([path], ct), path) is { } s ? new GapThresholds(s.ShortShare) : GapThresholds.Default;

    /// <summary>
    /// The latest year for which any of the chain's enterprises the caller can see has facts. The statistics know every
    /// year any enterprise of the chain has facts for.
    /// </summary>
    internal static async Task<int?> DefaultYearAsync(AppDbContext db, Guid chainId, CancellationToken ct) =>
        await LatestVisibleYear(db, chainId, await db.NodeYearStatistics.Where(s => s.ChainId == chainId).Select(s => s.Year).Distinct().ToListAsync(ct), ct);

    /// <summary>
    /// Of the years some enterprise of the chain has facts for, the newest with a fact the caller can see: one EXISTS
    /// each, newest first, that stops at the first fact it finds (usually the first year tried). Asked for all years at
    /// once, the database plans a join over every link of the chain.
    /// </summary>
    private static async Task<int?> LatestVisibleYear(AppDbContext db, Guid chainId, IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years.Distinct().OrderDescending())
            if (await db.EnterpriseNodeLinks.AnyAsync(l => l.ChainId == chainId && db.EnterpriseFacts.Any(f => f.EnterpriseId == l.EnterpriseId && f.Year == year), ct))
                return year;
        return null;
    }

    private sealed record NodeWithStats(ChainNode Node, NodeStats Stats);

    /// <summary>
    /// The nodes with their statistics of every year, in one query, and the year shown (the one asked for, else the
    /// latest the caller has facts for). The statistics count every local enterprise of the chain, which is what any
    /// caller who can see the chain sees — except an enterprise's own account, which sees only its own links
    /// (<see cref="Counted"/>).
    /// </summary>
    private static async Task<(List<NodeWithStats>, int?)> Summarised(AppDbContext db, Guid chainId, int? year, CancellationToken ct)
    {
        var rows = await (from n in db.ChainNodes.AsNoTracking()
                          where n.ChainId == chainId
                          from s in db.NodeStatistics.Where(s => s.NodeId == n.Id).DefaultIfEmpty()
                          from y in db.NodeYearStatistics.Where(y => y.NodeId == n.Id).DefaultIfEmpty()
                          select new { Node = n, Counts = s, Figures = y }).ToListAsync(ct);
        year ??= await LatestVisibleYear(db, chainId, rows.Where(r => r.Figures != null).Select(r => r.Figures!.Year), ct);
        var nodes = rows.GroupBy(r => r.Node.Id).Select(g =>
        {
            var (counts, figures) = (g.First().Counts, g.Select(r => r.Figures).FirstOrDefault(f => f?.Year == year));
            return new NodeWithStats(g.First().Node, new NodeStats(counts?.LocalCount ?? 0, figures?.AboveScaleCount ?? 0, counts?.ConfirmedCount ?? 0,
                counts?.LeaderCount ?? 0, figures?.LocalOutput ?? 0));
        }).OrderBy(n => n.Node.Ordinal).ToList();
        return (nodes, year);
    }

    /// <summary>Counted from the links the caller can see (an enterprise account's own few).</summary>
    private static async Task<List<NodeWithStats>> Counted(AppDbContext db, Guid chainId, string chainPath, int? year, CancellationToken ct)
    {
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chainId).OrderBy(n => n.Ordinal).ToListAsync(ct);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           join f in db.EnterpriseFacts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into yearFacts
                           from f in yearFacts.DefaultIfEmpty()
                           where l.ChainId == chainId && l.Evidence != EvidenceStrength.Rejected && e.JurisdictionPath.StartsWith(chainPath)
                           select new { l.NodeId, l.Role, l.Evidence, e.IndustryCode, Revenue = f == null ? (decimal?)null : f.Revenue, Output = f == null ? 0m : f.OutputValue })
            .ToListAsync(ct);
        return nodes.Select(n => new NodeWithStats(n, GapAnalysis.Count(links.Where(l => l.NodeId == n.Id).Select(l => new LocalEnterprise(
            l.Revenue is { } revenue && AboveScale.Is(l.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial, revenue),
            l.Evidence == EvidenceStrength.Confirmed, l.Output, l.Role == ChainRole.ChainLeader)).ToList()))).ToList();
    }

    /// <summary>The 链主 on the chain the caller can see, each with the share of its purchases bought from the jurisdiction.</summary>
    private static async Task<IReadOnlyList<LeaderRate>> LeaderRates(AppDbContext db, Chain chain, int? year, CancellationToken ct)
    {
        var chainPath = chain.JurisdictionPath;
        // The chain's 链主 by the one rule every 链主 figure uses (role, evidence, place, the ledger's exits).
        var counted = (await Cultivation.ChainLeaderRoster.OfChainAsync(db, chain, year, ct)).ToList();
        var leaders = await db.Enterprises.AsNoTracking().Where(e => counted.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var ids = leaders.Select(l => l.Id).ToList();
        var purchases = ids.Count == 0 ? [] : await db.SupplyLinks.AsNoTracking().Where(s => ids.Contains(s.CustomerId) && (year == null || s.Year == year))
            .Select(s => new { s.CustomerId, s.SupplierId, s.Amount }).ToListAsync(ct);
        // Suppliers may be registered anywhere, or be enterprises an enterprise account does not see: of each, only
        // whether it is local is read, through the suppliers door — never its data.
        var local = await db.SuppliersWithinAsync(purchases.Select(p => p.SupplierId), chainPath, ct);
        var byLeader = purchases.GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        return leaders.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l =>
        {
            var bought = byLeader.GetValueOrDefault(l.Id) ?? [];
            var rate = GapAnalysis.LocalSupportingRate(bought.Select(p => (p.Amount, local.Contains(p.SupplierId))));
            return new LeaderRate(l.Id, l.Name, rate, bought.Sum(p => p.Amount));
        }).ToList();
    }
}
