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
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           where l.ChainId == chainId && l.Evidence != EvidenceStrength.Rejected
                           select new { l.NodeId, l.Role, l.Evidence, e.Id, e.Name, e.IndustryCode, e.JurisdictionPath }).ToListAsync(ct);
        var enterpriseIds = links.Select(l => l.Id).Distinct().ToList();
        year ??= await db.EnterpriseFacts.Where(f => enterpriseIds.Contains(f.EnterpriseId)).MaxAsync(f => (int?)f.Year, ct);
        var facts = await db.EnterpriseFacts.AsNoTracking().Where(f => f.Year == year && enterpriseIds.Contains(f.EnterpriseId))
            .ToDictionaryAsync(f => f.EnterpriseId, ct);
        var thresholds = await ThresholdsFor(db, chain.JurisdictionPath, ct);

        var mapNodes = nodes.Select(n =>
        {
            var onNode = links.Where(l => l.NodeId == n.Id).Select(l =>
            {
                var fact = facts.GetValueOrDefault(l.Id);
                var industrial = l.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial;
                return new MapEnterprise(l.Id, l.Name, l.Role, l.Evidence, l.JurisdictionPath.StartsWith(chain.JurisdictionPath, StringComparison.Ordinal),
                    fact is not null && AboveScale.Is(industrial, fact.Revenue), fact?.OutputValue ?? 0);
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
        var result = new List<LeaderRate>();
        foreach (var (id, name) in leaders)
        {
            // Suppliers may sit outside the caller's scope: only whether each is local is read, never its data.
            var purchases = await (from s in db.SupplyLinks.AsNoTracking()
                                   join supplier in db.Enterprises.IgnoreQueryFilters() on s.SupplierId equals supplier.Id
                                   where s.CustomerId == id && (year == null || s.Year == year)
                                   select new { s.Amount, supplier.JurisdictionPath }).ToListAsync(ct);
            var rate = GapAnalysis.LocalSupportingRate(purchases.Select(p => (p.Amount, p.JurisdictionPath.StartsWith(chain.JurisdictionPath, StringComparison.Ordinal))));
            result.Add(new LeaderRate(id, name, rate, purchases.Sum(p => p.Amount)));
        }
        return result;
    }
}
