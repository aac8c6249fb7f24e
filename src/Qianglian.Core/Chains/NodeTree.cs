namespace Qianglian.Core.Chains;

/// <summary>A node of a chain's tree as the tree rules see it.</summary>
public sealed record TreeNode(Guid Id, Guid? ParentId, string Name);

/// <summary>
/// The rules of editing a chain's node tree (环节树): a node may not move under itself or its own sub-node, may not be
/// merged into itself or a sub-node, and siblings may not share a name. Each check returns null or the reason.
/// </summary>
public static class NodeTree
{
    public static bool IsDescendant(IReadOnlyCollection<TreeNode> nodes, Guid candidate, Guid ancestor)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var seen = new HashSet<Guid>();
        for (var current = byId.GetValueOrDefault(candidate); current?.ParentId is { } parent; current = byId.GetValueOrDefault(parent))
        {
            if (parent == ancestor) return true;
            if (!seen.Add(parent)) return false; // a cycle already stored: stop rather than loop
        }
        return false;
    }

    public static string? CheckMove(IReadOnlyCollection<TreeNode> nodes, Guid nodeId, Guid? newParentId)
    {
        var node = nodes.FirstOrDefault(n => n.Id == nodeId);
        if (node is null) return "环节不存在 (node not found)";
        if (newParentId is not { } parent) return SiblingClash(nodes, node, null);
        if (nodes.All(n => n.Id != parent)) return "目标上级环节不属于本产业链 (the new parent is not a node of this chain)";
        if (parent == nodeId) return $"“{node.Name}”不能移到自己下面 (a node cannot be its own parent)";
        if (IsDescendant(nodes, parent, nodeId))
            return $"“{node.Name}”不能移到自己的下级环节下面 (a node cannot move under its own sub-node)";
        return SiblingClash(nodes, node, parent);
    }

    public static string? CheckMerge(IReadOnlyCollection<TreeNode> nodes, Guid nodeId, Guid intoId)
    {
        var node = nodes.FirstOrDefault(n => n.Id == nodeId);
        var into = nodes.FirstOrDefault(n => n.Id == intoId);
        if (node is null || into is null) return "环节不存在或不属于本产业链 (node not found in this chain)";
        if (nodeId == intoId) return "不能与自身合并 (cannot merge a node into itself)";
        if (IsDescendant(nodes, intoId, nodeId))
            return $"“{node.Name}”不能合并到自己的下级环节“{into.Name}” (cannot merge into its own sub-node)";
        return null;
    }

    public static string? CheckName(IReadOnlyCollection<TreeNode> nodes, Guid? nodeId, Guid? parentId, string name) =>
        nodes.Any(n => n.Id != nodeId && n.ParentId == parentId && n.Name == name)
            ? $"同一上级下已有环节“{name}” (a sibling has this name)"
            : null;

    private static string? SiblingClash(IReadOnlyCollection<TreeNode> nodes, TreeNode node, Guid? parent) =>
        CheckName(nodes, node.Id, parent, node.Name);
}
