using Qianglian.Core.Chains;

namespace Qianglian.Core.Tests.Chains;

public class NodeTreeTests
{
    // 钛 chain: 钛精矿 → 钛白粉 → 涂料; 钛精矿 → 海绵钛; 装备 (root)
    private static readonly Guid Ore = Guid.NewGuid(), Pigment = Guid.NewGuid(), Paint = Guid.NewGuid(), Sponge = Guid.NewGuid(), Equipment = Guid.NewGuid();

    private static readonly TreeNode[] Nodes =
    [
        new(Ore, null, "钛精矿"), new(Pigment, Ore, "钛白粉"), new(Paint, Pigment, "涂料"), new(Sponge, Ore, "海绵钛"), new(Equipment, null, "装备"),
    ];

    [Fact]
    public void Moving_under_another_branch_is_allowed() => Assert.Null(NodeTree.CheckMove(Nodes, Paint, Sponge));

    [Fact]
    public void Moving_to_the_root_is_allowed() => Assert.Null(NodeTree.CheckMove(Nodes, Pigment, null));

    [Fact]
    public void Moving_under_itself_is_refused() => Assert.Contains("自己下面", NodeTree.CheckMove(Nodes, Ore, Ore));

    [Fact]
    public void Moving_under_its_own_child_or_grandchild_is_refused()
    {
        Assert.Contains("下级环节", NodeTree.CheckMove(Nodes, Ore, Pigment));
        Assert.Contains("下级环节", NodeTree.CheckMove(Nodes, Ore, Paint));
    }

    [Fact]
    public void Moving_next_to_a_sibling_of_the_same_name_is_refused()
    {
        var nodes = Nodes.Append(new TreeNode(Guid.NewGuid(), Equipment, "涂料")).ToArray();
        Assert.Contains("已有环节", NodeTree.CheckMove(nodes, Paint, Equipment));
    }

    [Fact]
    public void Moving_under_a_node_of_another_chain_is_refused() => Assert.Contains("不属于本产业链", NodeTree.CheckMove(Nodes, Paint, Guid.NewGuid()));

    [Fact]
    public void Merging_into_a_sub_node_or_itself_is_refused()
    {
        Assert.Contains("下级环节", NodeTree.CheckMerge(Nodes, Ore, Paint));
        Assert.Contains("自身", NodeTree.CheckMerge(Nodes, Ore, Ore));
        Assert.Null(NodeTree.CheckMerge(Nodes, Sponge, Pigment));
        Assert.Null(NodeTree.CheckMerge(Nodes, Paint, Ore)); // into an ancestor is fine
    }

    [Fact]
    public void A_stored_cycle_does_not_hang_the_check()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid();
        Assert.False(NodeTree.IsDescendant([new(a, b, "甲"), new(b, a, "乙")], a, Guid.NewGuid()));
    }
}
