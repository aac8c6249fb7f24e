using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;

namespace Qianglian.Core.Tests.Cultivation;

public class EnterpriseValuesTests
{
    private static YearFacts Facts(int year, decimal revenue) => new(year, revenue, revenue * 1.1m, revenue * 0.3m, revenue * 0.05m, revenue * 0.02m, 120,
        revenue * 0.03m, 4, 800, 1_500_000, 12, 30);

    [Fact]
    public void Exactly_the_values_named_as_from_previous_years_depend_on_them()
    {
        var year = Facts(2024, 30_000_000);
        var alone = EnterpriseValues.Of(year, null, null, null, null, true, false, true, new DateOnly(2024, 12, 31));
        var withHistory = EnterpriseValues.Of(year, Facts(2023, 25_000_000), Facts(2022, 20_000_000), null, null, true, false, true, new DateOnly(2024, 12, 31));

        var differing = withHistory.Keys.Where(k => alone.GetValueOrDefault(k) != withHistory[k]).ToHashSet();
        Assert.Equal(EnterpriseValues.FromPreviousYears.Order(), differing.Order());
    }

    [Fact]
    public void A_model_needs_previous_years_when_an_indicator_its_alternative_or_an_exemption_reads_growth()
    {
        var perMu = new ScoringModel { Indicators = [new Indicator { Key = "a", Input = "taxPerMu" }, new Indicator { Key = "b", Input = "taxPerKwh" }] };
        Assert.False(EnterpriseValues.NeedPreviousYears(perMu));
        Assert.True(EnterpriseValues.NeedPreviousYears(perMu with { Indicators = [.. perMu.Indicators, new Indicator { Key = "g", Input = "revenueGrowth" }] }));
        Assert.True(EnterpriseValues.NeedPreviousYears(perMu with { Indicators = [new Indicator { Key = "a", Input = "taxPerMu", AltInput = "revenueGrowthAvg2" }] }));
        Assert.True(EnterpriseValues.NeedPreviousYears(perMu with { Exemptions = [new Exemption { Key = "x", Input = "outputGrowth", Below = 0 }] }));
    }
}
