using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// Builds a chain's panorama map: every node with the enterprises on it, which of them are local (inside the chain's
/// jurisdiction), their 规上 status and output for the year, and the gap verdict of Core's <see cref="GapAnalysis"/>
/// under the jurisdiction's thresholds; plus each 链主's local supporting rate from the supply links.
/// </summary>
public sealed class ReadChainMap(AppDb dbs, CurrentUser user)
{
    public async Task<ChainMap> Handle(Guid chainId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct)
                    ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chainId).OrderBy(n => n.Ordinal).ToListAsync(ct);
        // One round trip: every link of the chain with its enterprise and that enterprise's facts of the year.
        year ??= await (from l in db.EnterpriseNodeLinks
                        join f in db.EnterpriseFacts on l.EnterpriseId equals f.EnterpriseId
                        where l.ChainId == chainId
                        select (int?)f.Year).MaxAsync(ct);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           join f in db.EnterpriseFacts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into yearFacts
                           from f in yearFacts.DefaultIfEmpty()
                           where l.ChainId == chainId && l.Evidence != EvidenceStrength.Rejected
                           select new
                           {
                               l.NodeId, l.Role, l.Evidence, e.Id, e.Name, e.IndustryCode, e.JurisdictionPath,
                               Revenue = f == null ? (decimal?)null : f.Revenue, Output = f == null ? 0m : f.OutputValue,
                           }).ToListAsync(ct);
        var thresholds = await ThresholdsFor(db, chain.JurisdictionPath, ct);

        var byNode = links.GroupBy(l => l.NodeId).ToDictionary(g => g.Key, g => g.ToList());
        var mapNodes = nodes.Select(n =>
        {
            var onNode = (byNode.TryGetValue(n.Id, out var found) ? found : []).Select(l =>
            {
                var industrial = l.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial;
                return new MapEnterprise(l.Id, l.Name, l.Role, l.Evidence, l.JurisdictionPath.StartsWith(chain.JurisdictionPath, StringComparison.Ordinal),
                    l.Revenue is { } revenue && AboveScale.Is(industrial, revenue), l.Output);
            }).ToList();
            var local = onNode.Where(e => e.Local)
                .Select(e => new LocalEnterprise(e.AboveScale, e.Evidence == EvidenceStrength.Confirmed, e.Output, e.Role == ChainRole.ChainLeader)).ToList();
            var gap = GapAnalysis.Analyse(new NodeInput(n.Id, n.Name, n.Demand, local), thresholds);
            return new MapNode(n.Id, n.ParentId, n.Name, n.Stage, n.Kind, n.Keys, gap, onNode);
        }).ToList();
        return new ChainMap(chain.Id, chain.Name, year, thresholds.ShortShare, mapNodes, await LeaderRates(db, chain, links.Where(l => l.Role == ChainRole.ChainLeader).Select(l => (l.Id, l.Name)).Distinct().ToList(), year, ct));
    }

    /// <summary>The thresholds of the chain's jurisdiction, else of its nearest ancestor that set them, else the defaults.</summary>
    private static async Task<GapThresholds> ThresholdsFor(AppDbContext db, string path, CancellationToken ct)
    {
        var ancestors = Policies.DocumentImporter.AncestorPaths(path);
        var settings = await db.GapSettings.IgnoreQueryFilters().AsNoTracking().Where(g => ancestors.Contains(g.JurisdictionPath)).ToListAsync(ct);
        return settings.OrderByDescending(g => g.JurisdictionPath.Length).FirstOrDefault() is { } s ? new GapThresholds(s.ShortShare) : GapThresholds.Default;
    }

    private static async Task<IReadOnlyList<LeaderRate>> LeaderRates(AppDbContext db, Chain chain, List<(Guid Id, string Name)> leaders, int? year, CancellationToken ct)
    {
        var ids = leaders.Select(l => l.Id).ToList();
        // Suppliers may sit outside the caller's scope: only whether each is local is read, never its data.
        var purchases = await (from s in db.SupplyLinks.AsNoTracking()
                               join supplier in db.Enterprises.IgnoreQueryFilters() on s.SupplierId equals supplier.Id
                               where ids.Contains(s.CustomerId) && (year == null || s.Year == year)
                               select new { s.CustomerId, s.Amount, supplier.JurisdictionPath }).ToListAsync(ct);
        var byLeader = purchases.GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        return leaders.Select(l =>
        {
            var bought = byLeader.GetValueOrDefault(l.Id) ?? [];
            var rate = GapAnalysis.LocalSupportingRate(bought.Select(p => (p.Amount, p.JurisdictionPath.StartsWith(chain.JurisdictionPath, StringComparison.Ordinal))));
            return new LeaderRate(l.Id, l.Name, rate, bought.Sum(p => p.Amount));
        }).ToList();
    }
}
