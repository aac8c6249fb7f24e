using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;

namespace Qianglian.Core.Tests.Evaluation;

/// <summary>The chain evaluation index against scores computed by hand: values from the facts, then the shared scoring engine.</summary>
public class ChainIndexTests
{
    private static readonly ScoringModel Model = new()
    {
        Code = "chain-index", Name = "产业链评价指数",
        Indicators =
        [
            new() { Key = "scale", Name = "产业规模", Input = IndexInputs.Output, Method = ScoringMethod.EfficacyCoefficient, Weight = 40, Good = 100, Bad = 20 },
            new() { Key = "growth", Name = "产值增速", Input = IndexInputs.OutputGrowth, Method = ScoringMethod.EfficacyCoefficient, Weight = 20, Good = 0.2m, Bad = 0 },
            new() { Key = "above", Name = "规上企业", Input = IndexInputs.AboveScaleCount, Method = ScoringMethod.BenchmarkRatio, Weight = 20, Benchmark = 10 },
            new() { Key = "coverage", Name = "环节覆盖", Input = IndexInputs.NodeCoverage, Method = ScoringMethod.BenchmarkRatio, Weight = 20, Benchmark = 1 },
        ],
        Classification = new()
        {
            Mode = ClassificationMode.ByScore,
            Bands = [new() { Key = "excellent", Label = "优秀", MinScore = 75 }, new() { Key = "pass", Label = "合格", MinScore = 60 }, new() { Key = "poor", Label = "不合格", MinScore = 0 }],
        },
    };

    private static MemberFact M(decimal? output, decimal? previous, bool aboveScale = false, bool leader = false, decimal revenue = 0, decimal rd = 0) =>
        new(Guid.NewGuid(), aboveScale, leader, output, previous, revenue, rd);

    private static SubjectFacts Chain(string id, IReadOnlyList<MemberFact> members, int nodes, int covered) =>
        new(id, id, members, nodes, covered, new TierCounts(0, 0, 0), null, null, null, null);

    private static IReadOnlyList<SubjectScore> Run(params SubjectFacts[] chains) =>
        Scorer.Score(Model, chains.Select(c => new Subject(c.Id, c.Name, IndexInputs.Values(c))).ToList());

    [Fact]
    public void Scores_ranks_and_verdicts_match_the_hand_computation()
    {
        // A: output 90, growth 90 ÷ 75 − 1 = 20%, 1 above-scale, 8 of 10 nodes covered.
        var a = Chain("A", [M(60, 50, aboveScale: true), M(30, 25)], 10, 8);
        // B: output 150 (above good), no previous year (growth missing → 0), 12 above-scale, 5 of 10 nodes.
        var b = Chain("B", Enumerable.Range(0, 12).Select(_ => M(12.5m, null, aboveScale: true)).ToList(), 10, 5);
        // C: output 10 (below bad), growth −20% (below bad), none above scale, no node covered.
        var c = Chain("C", [M(10, 12.5m)], 4, 0);

        var scores = Run(a, b, c).ToDictionary(s => s.SubjectId);

        // A: 60 + 40 × (90 − 20) ÷ 80 = 95 → 38; growth 100 → 20; 1 ÷ 10 × 20 = 2; 0.8 × 20 = 16; total 76.
        Assert.Equal([38m, 20m, 2m, 16m], scores["A"].Lines.Select(l => l.Points));
        Assert.Equal(76m, scores["A"].Total);
        // B: 40 (held at good) + 0 (missing) + 20 (capped) + 10 = 70.
        Assert.Equal([40m, 0m, 20m, 10m], scores["B"].Lines.Select(l => l.Points));
        Assert.Equal(70m, scores["B"].Total);
        // C: 60 × 40% = 24 (held at bad) + 60 × 20% = 12 + 0 + 0 = 36.
        Assert.Equal(36m, scores["C"].Total);

        Assert.Equal((1, 2, 3), (scores["A"].Rank, scores["B"].Rank, scores["C"].Rank));
        string[] praise = ["excellent"], criticism = ["poor"];
        Assert.Equal((Verdict.Praise, Verdict.None, Verdict.Criticism),
            (Verdicts.Of(scores["A"], praise, criticism), Verdicts.Of(scores["B"], praise, criticism), Verdicts.Of(scores["C"], praise, criticism)));
    }

    [Fact]
    public void Every_point_is_explained_with_its_numbers()
    {
        var a = Run(Chain("A", [M(60, 50, aboveScale: true), M(30, 25)], 10, 8)).Single();
        Assert.Contains("60 + 40 × (90 − 20) ÷ (100 − 20) = 95", a.Lines[0].Rule);
        Assert.Contains("min(1 ÷ 基准 10, 1) × 20 = 2", a.Lines[2].Rule);
        var b = Run(Chain("B", [M(150, null)], 10, 5)).Single();
        Assert.Equal((ValueOrigin.Missing, "缺少数据，按 0 分计"), (b.Lines[1].Origin, b.Lines[1].Rule));
    }

    [Fact]
    public void Values_are_computed_from_the_facts()
    {
        var facts = new SubjectFacts("X", "X", [M(80, 50, aboveScale: true, leader: true, revenue: 100, rd: 3), M(20, null, revenue: 100, rd: 1), M(0, 0)],
            12, 9, new TierCounts(1, 2, 3), InvestmentPlanned: 400, InvestmentCompleted: 300, FundsInPlace: null, OnTimeRate: 0.75m);
        var v = IndexInputs.Values(facts);
        Assert.Equal(100m, v[IndexInputs.Output]);
        Assert.Equal(0.6m, v[IndexInputs.OutputGrowth]);          // only the members with a previous year: 80 ÷ 50 − 1
        Assert.Equal(1m, v[IndexInputs.AboveScaleCount]);
        Assert.Equal(1m, v[IndexInputs.ChainLeaderCount]);
        Assert.Equal(10m, v[IndexInputs.TierPoints]);             // 3 × 1 + 2 × 2 + 3
        Assert.Equal(0.75m, v[IndexInputs.InvestmentCompletion]);  // 300 ÷ 400
        Assert.Equal(0.02m, v[IndexInputs.RdIntensity]);          // 4 ÷ 200
        Assert.Equal(0.75m, v[IndexInputs.NodeCoverage]);         // 9 ÷ 12
        Assert.Null(v[IndexInputs.FundsInPlace]);
    }

    [Fact]
    public void A_park_has_no_node_coverage_and_nothing_planned_has_no_completion()
    {
        var v = IndexInputs.Values(new SubjectFacts("P", "P", [], null, null, new TierCounts(0, 0, 0), 0, 0, null, null));
        Assert.Null(v[IndexInputs.NodeCoverage]);
        Assert.Null(v[IndexInputs.InvestmentCompletion]);
        Assert.Null(v[IndexInputs.OutputGrowth]);
        Assert.Null(v[IndexInputs.RdIntensity]);
    }

    [Fact]
    public void An_enterprise_that_has_not_reported_the_year_neither_shrinks_nor_grows_its_chain()
    {
        // 60 (50 before) reported; the other reported 40 last year and nothing yet this year.
        var v = IndexInputs.Values(Chain("A", [M(60, 50, aboveScale: true), M(null, 40)], 4, 2));
        Assert.Equal(60m, v[IndexInputs.Output]);
        Assert.Equal(0.2m, v[IndexInputs.OutputGrowth]);          // 60 ÷ 50 − 1, not 60 ÷ 90 − 1
        Assert.Equal(1m, v[IndexInputs.AboveScaleCount]);
    }

    [Fact]
    public void A_year_nobody_reported_has_no_output_growth_or_count_never_zero_and_minus_100_percent()
    {
        var v = IndexInputs.Values(Chain("A", [M(null, 50, leader: true), M(null, 25)], 4, 2));
        Assert.Null(v[IndexInputs.Output]);
        Assert.Null(v[IndexInputs.OutputGrowth]);
        Assert.Null(v[IndexInputs.AboveScaleCount]);
        Assert.Null(v[IndexInputs.RdIntensity]);
        Assert.Equal(1m, v[IndexInputs.ChainLeaderCount]);        // the chain's structure stands
    }

    [Fact]
    public void A_subject_without_the_years_data_is_not_evaluated_and_takes_no_part_in_the_ranking()
    {
        var a = Chain("A", [M(60, 50, aboveScale: true), M(30, 25)], 10, 8);
        var c = Chain("C", [M(10, 12.5m)], 4, 0);
        var empty = Chain("E", [M(null, 40)], 4, 1);           // reported last year only
        var nobody = Chain("N", [], 3, 0);                      // no enterprise at all
        var outcomes = IndexScoring.Score(Model, [a, empty, c, nobody], 2025, ["excellent"], ["poor"]).ToDictionary(o => o.Score.SubjectId);

        foreach (var id in new[] { "E", "N" })
        {
            var o = outcomes[id];
            Assert.True(o.Insufficient);
            Assert.Null(o.Score.Total);
            Assert.Null(o.Score.Rank);
            Assert.Equal(IndexScoring.InsufficientClass, o.Score.Class);
            Assert.Equal(Verdict.None, o.Verdict);
            Assert.Contains("2025年没有企业报送产值、营业收入等年度数据：数据不足，不予评价", o.Score.Notes.Single());
        }
        // The others are scored exactly as without them (A 76, C 36 as computed by hand above) and ranked 1, 2.
        Assert.Equal((76m, 1, Verdict.Praise), (outcomes["A"].Score.Total!.Value, outcomes["A"].Score.Rank!.Value, outcomes["A"].Verdict));
        Assert.Equal((36m, 2, Verdict.Criticism), (outcomes["C"].Score.Total!.Value, outcomes["C"].Score.Rank!.Value, outcomes["C"].Verdict));
    }

    [Fact]
    public void A_model_of_the_chains_structure_alone_evaluates_without_the_years_figures()
    {
        var structure = Model with
        {
            Indicators = [new() { Key = "coverage", Name = "环节覆盖", Input = IndexInputs.NodeCoverage, Method = ScoringMethod.BenchmarkRatio, Weight = 100, Benchmark = 1 }],
        };
        var o = IndexScoring.Score(structure, [Chain("N", [M(null, null)], 4, 3)], 2025, [], []).Single();
        Assert.False(o.Insufficient);
        Assert.Equal(75m, o.Score.Total);
    }

    [Fact]
    public void Investment_alone_of_the_year_is_data_for_a_model_that_reads_only_investment()
    {
        var investment = Model with
        {
            Indicators = [new() { Key = "investment", Name = "投资完成率", Input = IndexInputs.InvestmentCompletion, Method = ScoringMethod.BenchmarkRatio, Weight = 100, Benchmark = 1 }],
        };
        SubjectFacts Park(string id, decimal? planned, decimal? done) => new(id, id, [], null, null, new TierCounts(0, 0, 0), planned, done, null, null);
        var outcomes = IndexScoring.Score(investment, [Park("P", 100, 50), Park("Q", null, null)], 2025, [], []);
        Assert.Equal(50m, outcomes[0].Score.Total);
        Assert.True(outcomes[1].Insufficient);
        Assert.Contains("2025年没有评价所需的年度数据", outcomes[1].Score.Notes.Single());
    }

    [Fact]
    public void An_unscored_subject_is_neither_praised_nor_criticised()
    {
        var unscored = new SubjectScore("Z", "Z", null, "", "", null, false, [], new Dictionary<string, decimal>(), []);
        Assert.Equal(Verdict.None, Verdicts.Of(unscored, [""], [""]));
    }
}
