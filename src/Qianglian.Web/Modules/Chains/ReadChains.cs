using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>The chains the caller can see, and one chain with its node tree and the enterprises on each node.</summary>
public sealed class ReadChains(AppDb dbs, CurrentUser user)
{
    public async Task<IReadOnlyList<ChainSummary>> List(CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var nodes = await db.ChainNodes.GroupBy(n => n.ChainId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var links = await db.EnterpriseNodeLinks.Where(l => l.Evidence != EvidenceStrength.Rejected)
            .GroupBy(l => l.ChainId).Select(g => new { g.Key, Count = g.Select(l => l.EnterpriseId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ecosystems = await db.Ecosystems.ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var chains = await db.Chains.AsNoTracking().OrderBy(c => c.JurisdictionPath).ThenBy(c => c.Ordinal).ThenBy(c => c.Name).ToListAsync(ct);
        return chains.Select(c => new ChainSummary(c.Id, c.Name, c.EcosystemId, c.EcosystemId is { } e ? ecosystems.GetValueOrDefault(e) : null,
            c.JurisdictionId, c.JurisdictionPath, nodes.GetValueOrDefault(c.Id), links.GetValueOrDefault(c.Id), c.Version)).ToList();
    }

    public async Task<ChainView> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewChains);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                    ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == id).OrderBy(n => n.Ordinal).ThenBy(n => n.Name).ToListAsync(ct);
        var links = await (from l in db.EnterpriseNodeLinks.AsNoTracking()
                           join e in db.Enterprises on l.EnterpriseId equals e.Id
                           where l.ChainId == id
                           orderby l.Role, e.Name
                           select new { l.NodeId, View = new LinkView(l.Id, l.EnterpriseId, e.Name, l.Role, l.Evidence, l.EvidenceNote, l.Version) })
            .ToListAsync(ct);
        var ecosystem = chain.EcosystemId is { } eid ? await db.Ecosystems.Where(e => e.Id == eid).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        return new ChainView(chain.Id, chain.Name, chain.EcosystemId, ecosystem, chain.JurisdictionId, chain.JurisdictionPath, chain.Version,
            nodes.Select(n => new NodeView(n.Id, n.ParentId, n.Name, n.Stage, n.Kind, n.Keys, n.Ordinal, n.Version, n.Demand,
                links.Where(l => l.NodeId == n.Id).Select(l => l.View).ToList()) { IndustryCode = n.IndustryCode }).ToList());
    }
}
