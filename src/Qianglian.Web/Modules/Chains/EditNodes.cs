using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Chains;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>Editing a chain's node tree: add, update, move, merge, delete. The tree rules are Core's <see cref="NodeTree"/>.</summary>
public sealed class EditNodes(AppDb dbs, CurrentUser user)
{
    public sealed record AddRequest(string Name, ChainStage Stage, NodeKind Kind, Guid? ParentId, KeyFlags Keys = KeyFlags.None, decimal? Demand = null,
        string? IndustryCode = null);
    public sealed record UpdateRequest(string Name, ChainStage Stage, NodeKind Kind, KeyFlags Keys, int Version, decimal? Demand = null, string? IndustryCode = null);
    public sealed record MoveRequest(Guid? ParentId, int Version);
    public sealed record MergeRequest(Guid IntoNodeId);

    public async Task<Guid> Add(Guid chainId, AddRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        var chain = await db.Chains.FirstOrDefaultAsync(c => c.Id == chainId, ct) ?? throw new NotFoundException("chain", "产业链不存在 (chain not found)");
        var tree = await Tree(db, chainId, ct);
        if (request.ParentId is { } p && tree.All(n => n.Id != p))
            throw new ValidationException("parentId", "上级环节不属于本产业链 (the parent is not a node of this chain)");
        if (NodeTree.CheckName(tree, null, request.ParentId, name) is { } clash) throw new ValidationException("name", clash);
        CheckDemand(request.Demand);
        var node = new ChainNode
        {
            ChainId = chainId, JurisdictionId = chain.JurisdictionId, ParentId = request.ParentId, Name = name,
            Stage = request.Stage, Kind = request.Kind, Keys = request.Keys, Ordinal = tree.Count + 1, Demand = request.Demand,
            IndustryCode = Industry(request.IndustryCode),
        };
        db.ChainNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return node.Id;
    }

    public async Task Update(Guid nodeId, UpdateRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        var name = RequireName(request.Name);
        await using var db = dbs.Open();
        var node = await Find(db, nodeId, ct);
        if (NodeTree.CheckName(await Tree(db, node.ChainId, ct), node.Id, node.ParentId, name) is { } clash) throw new ValidationException("name", clash);
        CheckDemand(request.Demand);
        var industry = Industry(request.IndustryCode);
        db.ExpectVersion(node, request.Version);
        (node.Name, node.Stage, node.Kind, node.Keys, node.Demand, node.IndustryCode) = (name, request.Stage, request.Kind, request.Keys, request.Demand, industry);
        await db.SaveChangesAsync(ct);
    }

    public async Task Move(Guid nodeId, MoveRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var node = await Find(db, nodeId, ct);
        if (NodeTree.CheckMove(await Tree(db, node.ChainId, ct), nodeId, request.ParentId) is { } refused)
            throw new ValidationException("parentId", refused);
        db.ExpectVersion(node, request.Version);
        node.ParentId = request.ParentId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Merges a node into another of the same chain: its sub-nodes, enterprise links, supply links, projects and
    /// attraction targets move over (an enterprise already on the target keeps the target's link or entry), then the
    /// node is removed — in one save. A
    /// node that rows of other jurisdictions refer to (a city may have put another county's project or enterprise on
    /// it) is not the caller's to merge: refused as a whole, before anything changes.
    /// </summary>
    public async Task Merge(Guid nodeId, MergeRequest request, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var node = await Find(db, nodeId, ct);
        if (NodeTree.CheckMerge(await Tree(db, node.ChainId, ct), nodeId, request.IntoNodeId) is { } refused)
            throw new ValidationException("intoNodeId", refused);
        if (await UsedFromOutside(db, nodeId, ct))
            throw new ConflictException($"“{node.Name}”上有本辖区以外的企业、供应关系或项目，请由上级辖区合并 (rows of other jurisdictions are on the node: a jurisdiction above yours may merge it)");
        foreach (var child in await db.ChainNodes.Where(n => n.ParentId == nodeId).ToListAsync(ct))
            child.ParentId = request.IntoNodeId;
        var onTarget = await db.EnterpriseNodeLinks.Where(l => l.NodeId == request.IntoNodeId).Select(l => l.EnterpriseId).ToListAsync(ct);
        foreach (var link in await db.EnterpriseNodeLinks.Where(l => l.NodeId == nodeId).ToListAsync(ct))
        {
            if (onTarget.Contains(link.EnterpriseId)) db.EnterpriseNodeLinks.Remove(link);
            else link.NodeId = request.IntoNodeId;
        }
        // Supply links and projects on the merged node follow it (the key-project library keeps pointing at a live node).
        foreach (var supply in await db.SupplyLinks.Where(s => s.NodeId == nodeId).ToListAsync(ct))
            supply.NodeId = request.IntoNodeId;
        foreach (var project in await db.Projects.Where(p => p.NodeId == nodeId).ToListAsync(ct))
            project.NodeId = request.IntoNodeId;
        // So do the chain's attraction targets for the node (an enterprise already targeted on the target node keeps that entry).
        var targeted = await db.Set<Investment.TargetEnterprise>().Where(t => t.NodeId == request.IntoNodeId).Select(t => t.EnterpriseName).ToListAsync(ct);
        foreach (var target in await db.Set<Investment.TargetEnterprise>().Where(t => t.NodeId == nodeId).ToListAsync(ct))
        {
            if (targeted.Contains(target.EnterpriseName)) db.Remove(target);
            else target.NodeId = request.IntoNodeId;
        }
        db.ChainNodes.Remove(node);
        await db.SaveChangesAsync(ct);
    }

    public async Task Delete(Guid nodeId, int version, CancellationToken ct)
    {
        user.Require(Permission.ManageChains);
        await using var db = dbs.Open();
        var node = await Find(db, nodeId, ct);
        if (await db.ChainNodes.AnyAsync(n => n.ParentId == nodeId, ct) || await db.EnterpriseNodeLinks.AnyAsync(l => l.NodeId == nodeId, ct))
            throw new ConflictException($"“{node.Name}”下还有环节或企业，请先移走或合并 (the node still has sub-nodes or enterprises: move or merge them first)");
        if (await db.Projects.AnyAsync(p => p.NodeId == nodeId, ct))
            throw new ConflictException($"“{node.Name}”上还有重点项目，请先改挂其他环节或合并 (projects are on the node: move them or merge the node)");
        if (await db.Set<Investment.TargetEnterprise>().AnyAsync(t => t.NodeId == nodeId, ct))
            throw new ConflictException($"“{node.Name}”上还有招商目标企业，请先移出清单或合并环节 (attraction targets are on the node: remove them or merge the node)");
        // Deleting would remove other jurisdictions' links with the node, or clear their supply links' node.
        if (await UsedFromOutside(db, nodeId, ct))
            throw new ConflictException($"“{node.Name}”上有本辖区以外的企业、供应关系或项目，不能删除 (rows of other jurisdictions are on the node: it cannot be deleted)");
        db.ExpectVersion(node, version);
        db.ChainNodes.Remove(node);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Whether enterprise links, supply links or projects outside the caller's jurisdiction sit on the node: links and
    /// supply links lie with their enterprise, projects with their owner, wherever the chain is.
    /// </summary>
    private static async Task<bool> UsedFromOutside(AppDbContext db, Guid nodeId, CancellationToken ct) =>
        await db.IsReferredToFromOutsideAsync<EnterpriseNodeLink>(l => l.NodeId == nodeId, ct)
        || await db.IsReferredToFromOutsideAsync<SupplyLink>(s => s.NodeId == nodeId, ct)
        || await db.IsReferredToFromOutsideAsync<Projects.Project>(p => p.NodeId == nodeId, ct);

    private static void CheckDemand(decimal? demand)
    {
        if (demand is < 0) throw new ValidationException("demand", $"需求量不能为负数：{demand} (demand must not be negative)");
    }

    /// <summary>The node's industry is checked and stored like an enterprise's (GB/T 4754-2017, digits only).</summary>
    internal static string? Industry(string? code) =>
        Enterprises.EnterpriseRules.Industry(code) is { } error ? throw new ValidationException("industryCode", error) : Enterprises.EnterpriseRules.NormaliseIndustry(code);

    private static async Task<ChainNode> Find(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.ChainNodes.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException("node", "环节不存在 (node not found)");

    /// <summary>The chain's nodes (all of them lie with the chain, so whoever sees the chain sees its whole tree).</summary>
    private static async Task<List<TreeNode>> Tree(AppDbContext db, Guid chainId, CancellationToken ct) =>
        await db.ChainNodes.Where(n => n.ChainId == chainId).Select(n => new TreeNode(n.Id, n.ParentId, n.Name)).ToListAsync(ct);

    private static string RequireName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ValidationException("name", "环节名称不能为空 (name is required)") : name.Trim();
}
