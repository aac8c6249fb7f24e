using Qianglian.Core.Scoring;
using static Qianglian.Core.Tests.Scoring.ModelBuilder;

namespace Qianglian.Core.Tests.Scoring;

public class ModelValidatorTests
{
    private static readonly Classification Pass = ByScore(("达标", 60));

    [Fact]
    public void Weights_must_sum_to_100()
    {
        var errors = ModelValidator.Validate(Model(Pass, Ratio("a", 50, 10), Ratio("b", 40, 10)));
        Assert.Contains(errors, e => e.Field == "indicators.weight" && e.Message.Contains("现为90"));
    }

    [Fact]
    public void A_benchmark_of_zero_is_named_by_its_field()
    {
        var errors = ModelValidator.Validate(Model(Pass, Ratio("a", 100, 0)));
        Assert.Equal("indicators[0].benchmark", Assert.Single(errors).Field);
    }

    [Fact]
    public void Efficacy_needs_distinct_good_and_bad_and_bands_may_not_exceed_the_weight()
    {
        var errors = ModelValidator.Validate(Model(Pass, Efficacy("a", 50, 5, 5), Banded("b", 50, new Band { Min = 1, Points = 60 })));
        Assert.Contains(errors, e => e.Field == "indicators[0].good");
        Assert.Contains(errors, e => e.Field == "indicators[1].bands[0].points");
    }

    [Fact]
    public void Unknown_inputs_undefined_dimensions_and_unordered_bands_are_refused()
    {
        var model = Model(ByScore(("B", 60), ("A", 80)), Ratio("a", 100, 10, dimension: "nowhere"));
        var errors = ModelValidator.Validate(model, key => key == "b");
        Assert.Contains(errors, e => e.Field == "indicators[0].input");
        Assert.Contains(errors, e => e.Field == "indicators[0].dimension");
        Assert.Contains(errors, e => e.Field == "classification.bands[1].minScore");
    }

    [Fact]
    public void Rank_shares_must_ascend_to_one()
    {
        var errors = ModelValidator.Validate(Model(ByShare(("A", 0.2m), ("B", 0.9m)), Ratio("a", 100, 10)));
        Assert.Contains(errors, e => e.Field == "classification.bands[1].upToShare");
    }

    [Fact]
    public void Scoring_an_invalid_model_throws_with_every_error()
    {
        var e = Assert.Throws<ArgumentException>(() => Scorer.Score(Model(Pass, Ratio("a", 90, 0)), []));
        Assert.Contains("benchmark", e.Message);
        Assert.Contains("weight", e.Message);
    }
}
