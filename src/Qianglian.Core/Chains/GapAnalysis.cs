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

public sealed record NodeGap(Guid NodeId, string Name, GapKind Kind, string Reason, int LocalCount, int AboveScaleCount, int LeaderCount,
    decimal LocalOutput, decimal? Demand, decimal? Share);

/// <summary>
/// 缺链 / 短链 / 弱链 of a chain's node: missing — no local enterprise on it; short — local output below a share of the
/// chain's demand for it; weak — no above-scale enterprise, or none whose link is confirmed. The worst applies.
/// </summary>
public static class GapAnalysis
{
    public static NodeGap Analyse(NodeInput node, GapThresholds thresholds)
    {
        var local = node.Local;
        var output = local.Sum(e => e.Output);
        var aboveScale = local.Count(e => e.AboveScale);
        var leaders = local.Count(e => e.IsLeader);
        decimal? share = node.Demand is > 0 ? output / node.Demand.Value : null;
        NodeGap Result(GapKind kind, string reason) => new(node.NodeId, node.Name, kind, reason, local.Count, aboveScale, leaders, output, node.Demand, share);

        if (local.Count == 0)
            return Result(GapKind.Missing, "缺链：本地没有企业 (missing: no local enterprise)");
        if (share is { } s && s < thresholds.ShortShare)
            return Result(GapKind.Short, $"短链：本地产值{Wan(output)}万元，为需求{Wan(node.Demand!.Value)}万元的{s:P0}，低于{thresholds.ShortShare:P0} (short: local output below the threshold share of demand)");
        if (aboveScale == 0)
            return Result(GapKind.Weak, "弱链：没有规上企业 (weak: no above-scale enterprise)");
        if (!local.Any(e => e.Confirmed))
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
        var total = list.Sum(p => p.Amount);
        return total <= 0 ? null : list.Where(p => p.LocalSupplier).Sum(p => p.Amount) / total;
    }

    private static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);
}
