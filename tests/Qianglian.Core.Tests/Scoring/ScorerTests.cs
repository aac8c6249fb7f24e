using Qianglian.Core.Scoring;
using static Qianglian.Core.Tests.Scoring.ModelBuilder;

namespace Qianglian.Core.Tests.Scoring;

public class ScorerTests
{
    private static readonly Classification Pass60 = ByScore(("达标", 60));

    [Fact]
    public void Benchmark_ratio_is_value_over_benchmark_capped_times_weight()
    {
        var model = Model(Pass60, Ratio("a", 60, benchmark: 10, cap: 1.2m), Ratio("b", 40, benchmark: 4));
        var r = Scorer.Score(model, [S("x", ("a", 15), ("b", 3))]).Single();
        Assert.Equal(72m, r.Lines[0].Points);   // min(1.5, 1.2) × 60
        Assert.Equal(30m, r.Lines[1].Points);   // 0.75 × 40
        Assert.Equal(102m, r.Total);
        Assert.Contains("min(15 ÷ 基准 10, 1.2) × 60 = 72", r.Lines[0].Rule);
    }

    [Fact]
    public void A_negative_value_scores_no_ratio_points()
    {
        var r = Scorer.Score(Model(Pass60, Ratio("a", 100, 10)), [S("x", ("a", -5))]).Single();
        Assert.Equal(0m, r.Total);
    }

    [Fact]
    public void Efficacy_coefficient_is_60_plus_40_between_bad_and_good_and_held_at_the_ends()
    {
        var model = Model(Pass60, Efficacy("a", 100, good: 20, bad: 10));
        var scores = Scorer.Score(model, [S("mid", ("a", 15)), S("above", ("a", 30)), S("below", ("a", 0))]);
        Assert.Equal(80m, scores[0].Total);
        Assert.Equal(100m, scores[1].Total);
        Assert.Equal(60m, scores[2].Total);
        Assert.Contains("按满意值计", scores[1].Lines[0].Rule);
        Assert.Contains("按不允许值计", scores[2].Lines[0].Rule);
    }

    [Fact]
    public void Efficacy_with_good_below_bad_rewards_lower_values()
    {
        var model = Model(Pass60, Efficacy("energy", 100, good: 0.5m, bad: 1.5m));
        Assert.Equal(90m, Scorer.Score(model, [S("x", ("energy", 0.75m))]).Single().Total);
    }

    [Fact]
    public void Bands_take_the_first_band_in_order_and_edges_are_inclusive()
    {
        var growth = Banded("g", 20, new Band { Min = 0.15m, Points = 20 }, new Band { Min = 0.10m, Points = 15 }, new Band { Min = 0m, Points = 5 });
        var debt = Banded("d", 80, new Band { Max = 0.55m, Points = 80 }, new Band { Max = 0.75m, Points = 40 }, new Band { Points = 0 });
        var scores = Scorer.Score(Model(Pass60, growth, debt), [S("edge", ("g", 0.10m), ("d", 0.55m)), S("low", ("g", -0.01m), ("d", 0.80m))]);
        Assert.Equal(15m + 80m, scores[0].Total);
        Assert.Equal(0m, scores[1].Total);
        Assert.Contains("不在任何档", scores[1].Lines[0].Rule);
    }

    [Fact]
    public void A_band_may_be_reached_by_its_alternative_value()
    {
        var rd = new Indicator
        {
            Key = "rd", Name = "研发费用", Input = "rdSpend", AltInput = "rdIntensity", AltUnit = Quantity.Ratio, Method = ScoringMethod.Banded, Weight = 100, Unit = Quantity.Yuan,
            Bands = [new Band { Min = 5_000_000, AltMin = 0.10m, Points = 100 }, new Band { Min = 1_000_000, AltMin = 0.03m, Points = 50 }, new Band { Points = 0 }],
        };
        var r = Scorer.Score(Model(Pass60, rd), [S("x", ("rdSpend", 800_000), ("rdIntensity", 0.12m))]).Single();
        Assert.Equal(100m, r.Total);
        Assert.Contains("80万元（或 12%）", r.Lines[0].Rule);
    }

    [Fact]
    public void Missing_values_score_zero_the_items_average_or_stop_the_subject_as_the_rule_says()
    {
        var zero = Model(Pass60, Ratio("a", 50, 10), Ratio("b", 50, 10));
        Assert.Equal(50m, Scorer.Score(zero, [S("x", ("a", 10), ("b", null))]).Single().Total);

        var average = zero with { Missing = MissingRule.ItemAverage };
        var scores = Scorer.Score(average, [S("x", ("a", 10)), S("y", ("a", 10), ("b", 4)), S("z", ("a", 10), ("b", 8))]);
        Assert.Equal(ValueOrigin.Imputed, scores[0].Lines[1].Origin);
        Assert.Equal(6m, scores[0].Lines[1].Value);
        Assert.Equal(80m, scores[0].Total);
        Assert.Contains("平均值", scores[0].Lines[1].Rule);

        var strict = zero with { Indicators = [zero.Indicators[0], zero.Indicators[1] with { Missing = MissingRule.NotEvaluated }] };
        var notScored = Scorer.Score(strict, [S("x", ("a", 10))]).Single();
        Assert.False(notScored.Scored);
        Assert.Contains("缺少“b”数据", notScored.Notes[0]);
    }

    [Fact]
    public void Exempt_subjects_take_the_exemption_class_and_are_not_ranked()
    {
        var model = Model(ByShare(("A", 0.5m), ("B", 1m)), Ratio("a", 100, 10)) with
        {
            Exemptions = [new Exemption { Key = "young", Name = "投产不满2年", Input = "years", Below = 2, Class = "T" }],
        };
        var scores = Scorer.Score(model, [S("new", ("a", 100), ("years", 1.5m)), S("x", ("a", 5), ("years", 3)), S("y", ("a", 3), ("years", 10))]);
        Assert.Equal("T", scores[0].Class);
        Assert.True(scores[0].Exempt);
        Assert.Null(scores[0].Rank);
        Assert.Equal("A", scores[1].Class);   // exempt subjects do not count in the shares
        Assert.Equal("B", scores[2].Class);
    }

    [Fact]
    public void A_total_exactly_at_a_band_minimum_is_in_that_band()
    {
        var model = Model(ByScore(("示范库", 80), ("培育库", 60)), Ratio("a", 100, 100));
        var scores = Scorer.Score(model, [S("edge", ("a", 80)), S("below", ("a", 79.99m)), S("out", ("a", 10))]);
        Assert.Equal(["示范库", "培育库", "未达标"], scores.Select(s => s.Class));
    }

    [Fact]
    public void Rank_shares_give_tied_totals_the_better_class()
    {
        var model = Model(ByShare(("A", 0.2m), ("B", 0.6m), ("C", 0.95m), ("D", 1m)), Ratio("a", 100, 100));
        var values = new decimal[] { 90, 80, 80, 70, 60, 50, 40, 30, 20, 10 };
        var scores = Scorer.Score(model, values.Select((v, i) => S($"s{i}", ("a", v))).ToList());
        Assert.Equal(["A", "A", "A", "B", "B", "B", "C", "C", "C", "D"], scores.Select(s => s.Class));
        Assert.Equal(2, scores[2].Rank);
    }

    [Fact]
    public void A_dimension_below_its_minimum_fails_whatever_the_total()
    {
        var model = Model(Pass60, Ratio("innovation", 40, 10, dimension: "i"), Ratio("growth", 60, 10, dimension: "g")) with
        {
            Dimensions = [new Dimension { Key = "i", Name = "创新能力", Minimum = 20 }, new Dimension { Key = "g", Name = "成长性" }],
        };
        var r = Scorer.Score(model, [S("x", ("innovation", 4), ("growth", 10))]).Single();
        Assert.Equal(76m, r.Total);
        Assert.Equal("未达标", r.Class);
        Assert.Contains("创新能力", r.Notes.Single());
    }

    [Fact]
    public void The_same_model_and_values_give_the_same_result()
    {
        var model = Model(ByShare(("A", 0.5m), ("B", 1m)), Ratio("a", 50, 7), Efficacy("b", 50, 3, 1));
        var subjects = Enumerable.Range(0, 50).Select(i => S($"s{i}", ("a", i % 9), ("b", i % 4))).ToList();
        Assert.Equal(Scorer.Score(model, subjects).Select(s => (s.Total, s.Class, s.Rank)), Scorer.Score(model, subjects).Select(s => (s.Total, s.Class, s.Rank)));
    }

    [Fact]
    public void Ranks_within_a_part_of_a_run_count_only_that_part_and_ties_share_the_better_rank()
    {
        var model = Model(Pass60, Ratio("a", 100, benchmark: 10, missing: MissingRule.NotEvaluated));
        var scores = Scorer.Score(model, [S("x1", ("a", 9)), S("y1", ("a", 10)), S("x2", ("a", 5)), S("x3", ("a", 5)), S("x4", ("a", null)), S("x5", ("a", 1))]);
        Assert.Equal(1, scores.Single(s => s.SubjectId == "y1").Rank);   // over the whole run

        var ranks = Scorer.Ranks(scores.Where(s => s.SubjectId.StartsWith('x')));
        Assert.Equal(new Dictionary<string, int> { ["x1"] = 1, ["x2"] = 2, ["x3"] = 2, ["x5"] = 4 }, ranks);   // x4 was not scored
    }

    [Fact]
    public void Scoring_many_subjects_in_parallel_keeps_their_order_and_results()
    {
        var model = Model(ByShare(("A", 0.2m), ("B", 1m)), Ratio("a", 100, benchmark: 1000, missing: MissingRule.ItemAverage));
        var subjects = Enumerable.Range(0, 5000).Select(n => S($"s{n}", ("a", n % 7 == 0 ? null : n % 1000))).ToList();
        var scores = Scorer.Score(model, subjects);
        Assert.Equal(subjects.Select(s => s.Id), scores.Select(s => s.SubjectId));
        Assert.All(scores.Where((_, n) => n % 7 != 0), s => Assert.Equal(int.Parse(s.SubjectId[1..]) % 1000 / 10m, s.Total));
    }
}
