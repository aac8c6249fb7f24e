using Qianglian.Core.Enterprises;
using Qianglian.Core.Supervision;

namespace Qianglian.Core.Tests.Supervision;

public class MatchingTests
{
    private static readonly Guid Chain = Guid.NewGuid(), Node = Guid.NewGuid(), OtherNode = Guid.NewGuid();
    private const string Xiqu = "/100000/510000/510400/510403/";
    private const string Renhe = "/100000/510000/510400/510411/";
    private const string Dazhou = "/100000/510000/511700/";
    private const string Qianjiang = "/100000/500000/500114/";

    private static MatchSide Side(Guid? node, string path, SizeClass? size, params string[] words) =>
        new(Chain, node, Keywords.From(words), path, size);

    [Fact]
    public void Hand_computed_score_for_a_close_counterpart()
    {
        // node same 1×35; product {钛白粉, 硫酸法} vs {钛白粉, 氯化法, 硫酸法}: 2/2×35; same city 0.6×20 = 12; medium 0.75×10 = 7.5
        var demand = Side(Node, Xiqu, null, "钛白粉", "硫酸法");
        var supply = Side(Node, Renhe, SizeClass.Medium, "钛白粉", "氯化法", "硫酸法");
        var score = SupplyDemandMatching.Score(demand, supply, MatchWeights.Default);
        Assert.Equal(35m + 35m + 12m + 7.5m, score.Total);
        Assert.Equal(["硫酸法", "钛白粉"], score.SharedKeywords);
        Assert.Contains("产品 2/2×35", score.Explanation);
    }

    [Fact]
    public void Node_text_locality_and_scale_each_rank()
    {
        var demand = Side(Node, Xiqu, null, "钛精矿");
        var sameNode = SupplyDemandMatching.Score(demand, Side(Node, Xiqu, SizeClass.Small, "钛精矿"), MatchWeights.Default).Total;
        var sameChain = SupplyDemandMatching.Score(demand, Side(OtherNode, Xiqu, SizeClass.Small, "钛精矿"), MatchWeights.Default).Total;
        var farAway = SupplyDemandMatching.Score(demand, Side(Node, Qianjiang, SizeClass.Small, "钛精矿"), MatchWeights.Default).Total;
        var bigger = SupplyDemandMatching.Score(demand, Side(Node, Xiqu, SizeClass.Large, "钛精矿"), MatchWeights.Default).Total;
        var unrelated = SupplyDemandMatching.Score(demand, Side(Node, Xiqu, SizeClass.Small, "食品"), MatchWeights.Default).Total;
        Assert.True(sameNode > sameChain);
        Assert.True(sameNode > farAway);
        Assert.True(bigger > sameNode);
        Assert.True(sameNode > unrelated);
    }

    [Theory]
    [InlineData(Xiqu, Xiqu, 1.0)]
    [InlineData(Xiqu, Renhe, 0.6)]
    [InlineData(Xiqu, "/100000/510000/510400/510403/510403-YQ/", 0.6)]
    [InlineData(Xiqu, Dazhou, 0.3)]
    [InlineData(Xiqu, Qianjiang, 0.0)]
    public void Locality(string a, string b, double expected) => Assert.Equal((decimal)expected, SupplyDemandMatching.Locality(a, b));

    [Fact]
    public void Keywords_drop_stop_words_and_punctuation_but_keep_single_hanzi()
    {
        var words = Keywords.From(["需要", "钛", "，", "的", "钛白粉", " ", "a"]);
        Assert.Equal(["钛", "钛白粉"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Weights_must_sum_to_100() =>
        Assert.Contains("实为90", Assert.Single(new MatchWeights(30, 30, 20, 10).Problems()).Message);

    [Fact]
    public void All_supervision_rules_are_checked_together()
    {
        var rules = SupervisionRules.Default with { Assessment = new(50, 50, 10), Deadlines = EscalationDeadlines.Default with { LocalDays = 0 } };
        Assert.Equal(["deadlines.local", "assessment"], rules.Problems().Select(p => p.Field));
    }
}
