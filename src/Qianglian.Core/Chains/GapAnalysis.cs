namespace Qianglian.Core.Chains;

public enum GapKind { None = 0, Weak = 1, Short = 2, Missing = 3 }

/// <summary>An enterprise of the jurisdiction on a node, as the gap rule sees it.</summary>
public sealed record LocalEnterprise(bool AboveScale, bool Confirmed, decimal Output, bool IsLeader);

/// <param name="Demand">The chain's demand for the node (yuan a year), if the lead department has set it.</param>
public sealed record NodeInput(Guid NodeId, string Name, decimal? Demand, IReadOnlyList<LocalEnterprise> Local);

/// <param name="ShortShare">A node is short when local output is below this share of the chain's demand (0–1).</param>
public sealed record GapThresholds(decimal ShortShare = 0.5m)
{
    public static readonly GapThresholds Default = new();
}

/// <summary>What the gap rule needs of a node's local enterprises, when they are counted by the database.</summary>
public sealed record NodeStats(int LocalCount, int AboveScaleCount, int ConfirmedCount, int LeaderCount, decimal LocalOutput);

public sealed record NodeGap(Guid NodeId, string Name, GapKind Kind, string Reason, int LocalCount, int AboveScaleCount, int LeaderCount,
    decimal LocalOutput, decimal? Demand, decimal? Share);

/// <summary>
/// 缺链 / 短链 / 弱链 of a chain's node: missing — no local enterprise on it; short — local output below a share of the
/// chain's demand for it; weak — no above-scale enterprise, or none whose link is confirmed. The worst applies.
/// </summary>
public static class GapAnalysis
{
    public static NodeGap Analyse(NodeInput node, GapThresholds thresholds) =>
        Analyse(node.NodeId, node.Name, node.Demand, Count(node.Local), thresholds);

    /// <summary>What the rule needs of a node's local enterprises: how many, how many 规上, confirmed and 链主, and their output.</summary>
    public static NodeStats Count(IReadOnlyList<LocalEnterprise> local) =>
        new(local.Count, local.Count(e => e.AboveScale), local.Count(e => e.Confirmed), local.Count(e => e.IsLeader), local.Sum(e => e.Output));

    /// <summary>The same verdict from counts (how the all-chains report gets them from one grouped query).</summary>
    public static NodeGap Analyse(Guid nodeId, string name, decimal? demand, NodeStats stats, GapThresholds thresholds)
    {
        var output = stats.LocalOutput;
        decimal? share = demand is > 0 ? output / demand.Value : null;
        NodeGap Result(GapKind kind, string reason) =>
            new(nodeId, name, kind, reason, stats.LocalCount, stats.AboveScaleCount, stats.LeaderCount, output, demand, share);

        if (stats.LocalCount == 0)
            return Result(GapKind.Missing, "缺链：本地没有企业 (missing: no local enterprise)");
        if (share is { } s && s < thresholds.ShortShare)
            return Result(GapKind.Short, $"短链：本地产值{Wan(output)}万元，为需求{Wan(demand!.Value)}万元的{s:P0}，低于{thresholds.ShortShare:P0} (short: local output below the threshold share of demand)");
        if (stats.AboveScaleCount == 0)
            return Result(GapKind.Weak, "弱链：没有规上企业 (weak: no above-scale enterprise)");
        if (stats.ConfirmedCount == 0)
            return Result(GapKind.Weak, "弱链：没有已确认的企业 (weak: no confirmed enterprise)");
        return Result(GapKind.None, "");
    }

    /// <summary>
    /// 本地配套率 of a chain leader: the share of its purchases (supply links into it) bought from suppliers in the
    /// jurisdiction; null when it has no recorded purchases.
    /// </summary>
    public static decimal? LocalSupportingRate(IEnumerable<(decimal Amount, bool LocalSupplier)> purchases)
    {
        var list = purchases.ToList();
        return LocalSupportingRate(list.Where(p => p.LocalSupplier).Sum(p => p.Amount), list.Sum(p => p.Amount));
    }

    /// <summary>The same from the sums: bought locally, and bought in all.</summary>
    public static decimal? LocalSupportingRate(decimal local, decimal total) => total <= 0 ? null : local / total;

    private static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
