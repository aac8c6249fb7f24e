using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Enterprises;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>
/// The enterprises on one node of a chain's panorama map, as the caller may see them: each with its role and evidence,
/// whether it is local (inside the chain's jurisdiction), its 规上 status and output for the year (by default the map's
/// year). Read when a node is opened, so the map itself never loads every enterprise of the chain.
/// </summary>
public sealed class ReadNodeEnterprises(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<MapEnterprise>> Handle(Guid nodeId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var node = await (from n in db.ChainNodes
                          join c in db.Chains on n.ChainId equals c.Id
                          where n.Id == nodeId
                          select new { n.ChainId, c.JurisdictionPath }).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException("node", "环节不存在 (node not found)");
        year ??= await ReadChainMap.DefaultYearAsync(db, node.ChainId, ct);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           join f in db.EnterpriseFacts.Where(f => f.Year == year) on e.Id equals f.EnterpriseId into yearFacts
                           from f in yearFacts.DefaultIfEmpty()
                           where l.NodeId == nodeId && l.Evidence != EvidenceStrength.Rejected
                           select new
                           {
                               l.Role, l.Evidence, e.Id, e.Name, e.IndustryCode, e.JurisdictionPath,
                               Revenue = f == null ? (decimal?)null : f.Revenue, Output = f == null ? 0m : f.OutputValue,
                           }).ToListAsync(ct);
        return links.Select(l => new MapEnterprise(l.Id, l.Name, l.Role, l.Evidence, l.JurisdictionPath.StartsWith(node.JurisdictionPath, StringComparison.Ordinal),
                l.Revenue is { } revenue && AboveScale.Is(l.IndustryCode is { } code && IndustryCode.Check(code).IsIndustrial, revenue), l.Output, l.JurisdictionPath))
            .OrderByDescending(e => e.Local).ThenBy(e => e.Role).ThenByDescending(e => e.Output).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The names of the enterprises on every node of a chain, as the caller may see them (for the node table).</summary>
    public async Task<Dictionary<Guid, List<string>>> NamesByNode(Guid chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var links = await (from l in db.EnterpriseNodeLinks
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           where l.ChainId == chainId && l.Evidence != EvidenceStrength.Rejected
                           select new { l.NodeId, e.Name }).ToListAsync(ct);
        return links.GroupBy(l => l.NodeId).ToDictionary(g => g.Key, g => g.Select(l => l.Name).Order(StringComparer.Ordinal).ToList());
    }
}
