using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// The target lists the caller keeps (with where each entry was pushed and the answer), the targets pushed to the
/// caller's localities, and the suggestions a chain's gap list and its 链主's outside suppliers give.
/// </summary>
public sealed class ReadTargetList(AppDb dbs, CurrentUser user, ReadChainGaps gaps)
{
    public async Task<IReadOnlyList<TargetView>> List(Guid? chainId, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var rows = db.Set<TargetEnterprise>().AsNoTracking();
        if (chainId is { } c) rows = rows.Where(t => t.ChainId == c);
        var targets = await rows.OrderBy(t => t.ChainId).ThenBy(t => t.Priority).ThenBy(t => t.EnterpriseName).ToListAsync(ct);
        return await Views(db, targets, ct);
    }

    internal static async Task<IReadOnlyList<TargetView>> Views(AppDbContext db, IReadOnlyList<TargetEnterprise> targets, CancellationToken ct)
    {
        var ids = targets.Select(t => t.Id).ToList();
        var pushes = (await db.Set<TargetPush>().AsNoTracking().Where(p => ids.Contains(p.TargetId)).ToListAsync(ct)).ToLookup(p => p.TargetId);
        var chainIds = targets.Select(t => t.ChainId).Distinct().ToList();
        var nodeIds = targets.Select(t => t.NodeId).Distinct().ToList();
        var chains = await db.Chains.AsNoTracking().Where(c => chainIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var places = await ReadProjects.JurisdictionNames(db, pushes.SelectMany(g => g.Select(p => p.JurisdictionId)), ct);
        return targets.Select(t => new TargetView(t.Id, t.JurisdictionId, t.JurisdictionPath, t.ChainId, chains.GetValueOrDefault(t.ChainId, ""), t.NodeId,
            nodes.GetValueOrDefault(t.NodeId, ""), t.EnterpriseName, t.Uscc, t.Location, t.IndustryCode, t.Purpose, t.Source, t.Priority, t.Note, t.Version,
            pushes[t.Id].Select(p => new PushView(p.Id, p.JurisdictionId, p.JurisdictionPath, places.GetValueOrDefault(p.JurisdictionId, ""), p.Status,
                p.ReturnReason, p.PushedBy, p.PushedAt, p.AnsweredBy, p.AnsweredAt, p.LeadId, p.Version)).OrderBy(p => p.Locality, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    /// <summary>Targets pushed to the caller's jurisdiction or below it (rows of the receiving localities).</summary>
    public async Task<IReadOnlyList<ReceivedTargetView>> Received(PushStatus? status, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var rows = db.Set<TargetPush>().AsNoTracking();
        if (status is { } s) rows = rows.Where(p => p.Status == s);
        var pushes = (await rows.ToListAsync(ct)).OrderBy(p => p.Status).ThenBy(p => p.Priority).ThenByDescending(p => p.PushedAt).ToList();
        var places = await ReadProjects.JurisdictionNames(db, pushes.SelectMany(p => new[] { p.JurisdictionId, p.FromJurisdictionId }), ct);
        return pushes.Select(p => new ReceivedTargetView(p.Id, p.JurisdictionId, p.JurisdictionPath, places.GetValueOrDefault(p.JurisdictionId, ""),
            places.GetValueOrDefault(p.FromJurisdictionId, ""), p.TargetId, p.ChainName, p.NodeName, p.EnterpriseName, p.Uscc, p.Location, p.IndustryCode,
            p.Purpose, p.Source, p.Priority, p.Note, p.Status, p.ReturnReason, p.PushedBy, p.PushedAt, p.AnsweredBy, p.AnsweredAt, p.LeadId, p.Version)).ToList();
    }

    /// <summary>
    /// What to put on a chain's list: a gap node with no entry yet (Core's <see cref="TargetLists.FromGaps"/>), and the
    /// suppliers outside the jurisdiction the chain's 链主 buy a node's product from (链主供应商名单: attract them here).
    /// </summary>
    public async Task<IReadOnlyList<TargetSuggestion>> Suggestions(Guid chainId, int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewInvestment);
        await using var db = dbs.Open();
        var chain = await db.Chains.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var nodes = await db.ChainNodes.AsNoTracking().Where(n => n.ChainId == chainId).ToDictionaryAsync(n => n.Id, ct);
        var chainGaps = (await gaps.Handle(year, ct)).Where(g => g.ChainId == chainId).ToList();
        var listed = await db.Set<TargetEnterprise>().AsNoTracking().Where(t => t.ChainId == chainId).Select(t => new { t.NodeId, t.EnterpriseName }).ToListAsync(ct);
        var fromGaps = TargetLists.FromGaps(chainGaps.Select(g => new GapNodeFacts(g.Id, g.Gap.Name, g.Gap.Kind,
            nodes.TryGetValue(g.Id, out var n) && n.Stage == ChainStage.Downstream, g.Gap.Reason)).ToList(), listed.Select(l => l.NodeId).ToHashSet());

        // Supply links are the customer's rows (visible with the 链主); the supplier may sit anywhere — its name alone
        // comes through the ReferenceNames door. A supplier the caller cannot see lies outside the chain's jurisdiction
        // (which is inside the caller's); a visible one is outside it when its path says so.
        var leaders = (await Cultivation.ChainLeaderRoster.OfChainAsync(db, chain, null, ct)).ToList();
        var links = await db.SupplyLinks.AsNoTracking().Where(s => leaders.Contains(s.CustomerId) && s.NodeId != null)
            .Select(s => new { NodeId = s.NodeId!.Value, s.SupplierId, s.Product, s.Amount }).ToListAsync(ct);
        var supplierIds = links.Select(l => l.SupplierId).Distinct().ToList();
        var inside = (await db.Enterprises.AsNoTracking().Where(e => supplierIds.Contains(e.Id) && e.JurisdictionPath.StartsWith(chain.JurisdictionPath))
            .Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var supplierNames = await db.EnterpriseNamesAsync(supplierIds.Where(id => !inside.Contains(id)), ct);
        var supplies = links.Where(l => supplierNames.ContainsKey(l.SupplierId))
            .Select(l => new { l.NodeId, Name = supplierNames[l.SupplierId], l.Product, l.Amount }).ToList();
        var fromSuppliers = supplies.Where(s => nodes.ContainsKey(s.NodeId) && !listed.Any(l => l.NodeId == s.NodeId && l.EnterpriseName == s.Name))
            .GroupBy(s => (s.NodeId, s.Name))
            .OrderByDescending(g => g.Sum(s => s.Amount))
            .Select(g => new TargetSuggestion(g.Key.NodeId, nodes[g.Key.NodeId].Name, TargetPurpose.Fill, TargetPriority.Medium, TargetSource.LeaderSuppliers,
                $"链主向辖区外的该企业采购{string.Join("、", g.Select(s => s.Product).Distinct())}，合计{g.Sum(s => s.Amount) / 10_000m:#,0.##}万元", g.Key.Name));
        return fromGaps.Concat(fromSuppliers).ToList();
    }
}
