using Qianglian.Core.Chains;

namespace Qianglian.Core.Tests.Chains;

public class GapAnalysisTests
{
    private static NodeInput Node(decimal? demand, params LocalEnterprise[] local) => new(Guid.NewGuid(), "海绵钛", demand, local);
    private static LocalEnterprise Firm(decimal output, bool aboveScale = true, bool confirmed = true, bool leader = false) => new(aboveScale, confirmed, output, leader);

    [Fact]
    public void No_local_enterprise_is_missing() =>
        Assert.Equal(GapKind.Missing, GapAnalysis.Analyse(Node(100), GapThresholds.Default).Kind);

    [Fact]
    public void Output_below_the_share_of_demand_is_short()
    {
        var gap = GapAnalysis.Analyse(Node(100_000_000, Firm(40_000_000)), GapThresholds.Default);
        Assert.Equal(GapKind.Short, gap.Kind);
        Assert.Equal(0.4m, gap.Share);
        Assert.Contains("4,000万元", gap.Reason);
    }

    [Fact]
    public void Exactly_the_share_is_not_short() =>
        Assert.Equal(GapKind.None, GapAnalysis.Analyse(Node(100_000_000, Firm(50_000_000)), GapThresholds.Default).Kind);

    [Fact]
    public void The_threshold_is_configurable() =>
        Assert.Equal(GapKind.Short, GapAnalysis.Analyse(Node(100_000_000, Firm(50_000_000)), new GapThresholds(0.6m)).Kind);

    [Fact]
    public void Without_demand_only_missing_and_weak_apply() =>
        Assert.Equal(GapKind.None, GapAnalysis.Analyse(Node(null, Firm(1)), GapThresholds.Default).Kind);

    [Fact]
    public void No_above_scale_or_no_confirmed_enterprise_is_weak()
    {
        Assert.Contains("规上", GapAnalysis.Analyse(Node(null, Firm(1, aboveScale: false)), GapThresholds.Default).Reason);
        Assert.Contains("已确认", GapAnalysis.Analyse(Node(null, Firm(1, confirmed: false)), GapThresholds.Default).Reason);
    }

    [Fact]
    public void Counts_are_reported()
    {
        var gap = GapAnalysis.Analyse(Node(null, Firm(10, leader: true), Firm(5, aboveScale: false)), GapThresholds.Default);
        Assert.Equal((2, 1, 1, 15m), (gap.LocalCount, gap.AboveScaleCount, gap.LeaderCount, gap.LocalOutput));
    }

    [Fact]
    public void Local_supporting_rate_is_the_local_share_of_purchases()
    {
        Assert.Equal(0.75m, GapAnalysis.LocalSupportingRate([(300m, true), (100m, false)]));
        Assert.Null(GapAnalysis.LocalSupportingRate([]));
    }
}

public class GapAnalysisFromCountsTests
{
    [Fact]
    public void Counts_give_the_same_verdict_as_the_enterprises_they_count()
    {
        var local = new[] { new LocalEnterprise(true, false, 30, false), new LocalEnterprise(false, true, 10, true) };
        var node = new NodeInput(Guid.NewGuid(), "钛白粉", 100, local);
        var fromList = GapAnalysis.Analyse(node, GapThresholds.Default);
        var fromCounts = GapAnalysis.Analyse(node.NodeId, node.Name, node.Demand, new NodeStats(2, 1, 1, 1, 40), GapThresholds.Default);
        Assert.Equal(fromList, fromCounts);
        Assert.Equal(GapKind.Short, fromCounts.Kind);
    }
}
