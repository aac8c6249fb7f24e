using Qianglian.Core.Scoring;
using static Qianglian.Core.Tests.Scoring.ModelBuilder;

namespace Qianglian.Core.Tests.Scoring;

/// <summary>A population scored as outcomes, and any subject explained again from its row: the same numbers as scoring with explanations.</summary>
public class PopulationScoringTests
{
    private static readonly ScoringModel Model = ModelBuilder.Model(ByShare(("A", 0.2m), ("B", 0.6m), ("C", 0.95m), ("D", 1m)),
        Ratio("tax", 40, benchmark: 100, cap: 1.5m, missing: MissingRule.ItemAverage), Efficacy("energy", 30, good: 0.5m, bad: 1.5m),
        Banded("rd", 30, new Band { Min = 0.03m, Points = 30 }, new Band { Min = 0.01m, Points = 15 }, new Band { Points = 0 })) with
    {
        Exemptions = [new Exemption { Key = "young", Name = "投产不满2年", Input = "years", Below = 2, Class = "T" }],
    };

    private static List<Subject> Population(int count) => Enumerable.Range(0, count).Select(n => S($"s{n}",
        ("tax", n % 11 == 0 ? null : n % 170), ("energy", 0.4m + n % 13 / 10m), ("rd", n % 5 / 100m), ("years", n % 37 == 0 ? 1 : 5))).ToList();

    [Fact]
    public void Outcomes_and_explanations_written_out_again_are_what_scoring_with_explanations_gives()
    {
        var subjects = Population(9000);   // over one range of the parallel scoring
        var compiled = CompiledModel.Of(Model);
        var rows = subjects.Select(s => compiled.Row(s.Values)).ToList();
        var scores = Scorer.ScoreAll(compiled, rows);
        var explained = Scorer.Score(Model, subjects);

        Assert.Equal(explained.Select(e => (e.Total, e.Class, e.ClassKey, e.Rank, e.Exempt)), scores.Outcomes.Select(o => (o.Total, o.Class, o.ClassKey, o.Rank, o.Exempt)));
        Assert.Equal(explained.Select(e => string.Join("|", e.Notes)), scores.Outcomes.Select(o => string.Join("|", o.Notes)));
        Assert.Contains(explained, e => e.Exempt);
        Assert.Contains(explained, e => e.Lines.Any(l => l.Origin == ValueOrigin.Imputed));
        foreach (var n in new[] { 0, 1, 37, 4242, 8999 })
        {
            var again = Scorer.Explain(compiled, subjects[n].Id, subjects[n].Name, compiled.Row(compiled.Values(rows[n])), scores.Averages, scores.Outcomes[n]);
            Assert.Equal(Describe(explained[n]), Describe(again));
        }
    }

    [Fact]
    public void The_averages_a_population_imputed_are_kept_for_the_indicators_that_impute()
    {
        var compiled = CompiledModel.Of(Model);
        var scores = Scorer.ScoreAll(compiled, [compiled.Row(S("a", ("tax", 10)).Values), compiled.Row(S("b", ("tax", 21)).Values), compiled.Row(S("c").Values)]);
        Assert.Equal(new Dictionary<string, decimal> { ["tax"] = 15.5m }, scores.Averages);
    }

    [Fact]
    public void Explaining_values_that_do_not_give_the_stored_total_is_refused()
    {
        var compiled = CompiledModel.Of(Model);
        var row = compiled.Row(S("x", ("tax", 100), ("energy", 1), ("rd", 0.05m), ("years", 5)).Values);
        var outcome = Scorer.ScoreAll(compiled, [row]).Outcomes[0];
        row[compiled.SlotOf("tax")] = 50;
        Assert.Throws<InvalidOperationException>(() => Scorer.Explain(compiled, "x", "x", row, new Dictionary<string, decimal>(), outcome));
    }

    [Fact]
    public void A_row_holds_exactly_the_values_the_model_reads()
    {
        var compiled = CompiledModel.Of(Model);
        Assert.Equal(["energy", "rd", "tax", "years"], compiled.Inputs);
        var row = compiled.Row(new Dictionary<string, decimal?> { ["tax"] = 5, ["other"] = 9, ["rd"] = null });
        Assert.Equal(new Dictionary<string, decimal?> { ["tax"] = 5 }, compiled.Values(row));
        Assert.Equal(-1, compiled.SlotOf("other"));
    }

    [Fact]
    public void Ranks_of_totals_give_ties_the_better_rank_and_none_to_the_unscored()
    {
        Assert.Equal([2, null, 1, 2, 4], Scorer.Ranks([5m, null, 9m, 5m, 1m]));
    }

    private static string Describe(SubjectScore s) =>
        $"{s.SubjectId}|{s.Total}|{s.Class}|{s.Rank}|{s.Exempt}|{string.Join(";", s.Lines.Select(l => $"{l.Key}={l.Value}:{l.Origin}:{l.Points}/{l.MaxPoints}:{l.Rule}"))}|{string.Join(";", s.Dimensions.Select(d => $"{d.Key}={d.Value}"))}|{string.Join(";", s.Notes)}";
}
