using Qianglian.Core.Scoring;
using static Qianglian.Core.Tests.Scoring.ModelBuilder;

namespace Qianglian.Core.Tests.Scoring;

public class WhatIfTests
{
    [Fact]
    public void By_score_each_indicator_gets_the_value_that_reaches_the_next_minimum()
    {
        var tax = Ratio("tax", 50, 100_000) with { Unit = Quantity.Yuan };
        var model = Model(ByScore(("A", 80), ("B", 60), ("C", 0)), tax, Efficacy("va", 50, good: 200, bad: 100));
        var subject = Scorer.Score(model, [S("x", ("tax", 80_000), ("va", 150))]).Single();   // 40 + 40 = 80? no: efficacy 80 × 0.5 = 40
        Assert.Equal(80m, subject.Total);
        Assert.Equal("A", subject.Class);

        var lower = Scorer.Score(model, [S("y", ("tax", 60_000), ("va", 150))]).Single();     // 30 + 40 = 70 → B
        var lift = WhatIf.Lift(model, lower, [lower]);
        Assert.Equal("A", lift.TargetClass);
        Assert.Equal(80m, lift.TargetScore);
        var viaTax = lift.Lifts.Single(l => l.Key == "tax");
        Assert.Equal(80_000m, viaTax.Needed);          // 40 points of 50 → 0.8 × 100,000
        Assert.Equal(20_000m, viaTax.Change);
        var viaVa = lift.Lifts.Single(l => l.Key == "va");
        Assert.Equal(200m, viaVa.Needed);              // 50 points: the satisfactory value
        foreach (var l in lift.Lifts.Where(l => l.Needed is not null))
        {
            var changed = Scorer.Score(model, [S("y", ("tax", l.Key == "tax" ? l.Needed : 60_000), ("va", l.Key == "va" ? l.Needed : 150))]).Single();
            Assert.Equal("A", changed.Class);
        }
    }

    [Fact]
    public void An_indicator_that_cannot_give_enough_points_alone_says_so()
    {
        var model = Model(ByScore(("A", 90), ("B", 0)), Ratio("a", 20, 10), Ratio("b", 80, 10));
        var subject = Scorer.Score(model, [S("x", ("a", 5), ("b", 5))]).Single();   // 10 + 40 = 50
        var lift = WhatIf.Lift(model, subject, [subject]);
        Assert.Null(lift.Lifts.Single(l => l.Key == "a").Needed);
        Assert.Contains("无法达到", lift.Lifts.Single(l => l.Key == "a").Text);
        Assert.Equal(10m, lift.Lifts.Single(l => l.Key == "b").Needed);   // 40 + 40 = 80 of 80 points → 10
    }

    [Fact]
    public void By_rank_share_the_target_is_the_lowest_total_of_the_better_class()
    {
        var model = Model(ByShare(("A", 0.2m), ("B", 0.6m), ("C", 0.95m), ("D", 1m)), Ratio("a", 100, 100));
        var cohort = Scorer.Score(model, new decimal[] { 90, 85, 70, 60, 50 }.Select((v, i) => S($"s{i}", ("a", v))).ToList());
        var b = cohort.Single(s => s.SubjectId == "s1");   // 85 → B (rank 2 of 5 > 1)
        Assert.Equal("B", b.Class);
        var lift = WhatIf.Lift(model, b, cohort);
        Assert.Equal("A", lift.TargetClass);
        Assert.Equal(90m, lift.TargetScore);
        Assert.Equal(90m, lift.Lifts.Single().Needed);
    }

    [Fact]
    public void Bands_lift_to_the_nearest_band_edge_that_scores_enough()
    {
        var debt = Banded("debt", 50, new Band { Max = 0.55m, Points = 50 }, new Band { Max = 0.75m, Points = 25 }, new Band { Points = 0 }) with { Unit = Quantity.Ratio };
        var model = Model(ByScore(("A", 100), ("B", 0)), debt, Ratio("x", 50, 1));
        var subject = Scorer.Score(model, [S("s", ("debt", 0.70m), ("x", 1))]).Single();   // 25 + 50
        var lift = WhatIf.Lift(model, subject, [subject]).Lifts.Single(l => l.Key == "debt");
        Assert.Equal(0.55m, lift.Needed);
        Assert.Contains("降低到 55%", lift.Text);
        Assert.Contains("15个百分点", lift.Text);
    }

    [Fact]
    public void The_best_class_has_nothing_to_lift_to()
    {
        var model = Model(ByScore(("A", 50), ("B", 0)), Ratio("a", 100, 1));
        var s = Scorer.Score(model, [S("s", ("a", 1))]).Single();
        Assert.Null(WhatIf.Lift(model, s, [s]).TargetClass);
    }
}
