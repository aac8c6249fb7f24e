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

    [Fact]
    public void A_models_readers_give_exactly_the_values_of_the_whole_set()
    {
        var (previous, before) = (Facts(2023, 25_000_000), Facts(2022, 20_000_000));
        var sources = new ValueSources(Facts(2024, 30_000_000), PriorYear.Of(previous), PriorYear.Of(before),
            new Supplementary(MainBusinessRevenue: 27_000_000, TotalAssets: 50_000_000, TotalLiabilities: 20_000_000, RdStaff: 15, ClassOneIp: 2),
            new Profile(new DateOnly(2019, 5, 1), 2015, true, 3, false), true, false, true, new DateOnly(2024, 12, 31));
        var all = EnterpriseValues.Of(sources.Year, previous, before, sources.Extra, sources.Profile, true, false, true, sources.AsOf);
        var keys = all.Keys.Append("expert:position").ToList();
        var readers = EnterpriseValues.Readers(keys);
        Assert.Equal(all.Values, readers.Take(all.Count).Select(r => r!(sources)));
        Assert.Null(readers[^1]);   // an expert score is the caller's to fill in

        var bare = sources with { Extra = null, Profile = null };
        var few = EnterpriseValues.Of(bare.Year, previous, before, null, null, true, false, true, bare.AsOf);
        Assert.Equal(keys.Take(all.Count).Select(k => few.GetValueOrDefault(k)), readers.Take(all.Count).Select(r => r!(bare)));
        Assert.True(EnterpriseValues.NeedProfile(["taxPerMu", "yearsInProduction"]));
        Assert.False(EnterpriseValues.NeedSupplementary(["taxPerMu", "yearsInProduction"]));
    }

    [Fact]
    public void Each_value_depends_on_no_fact_column_but_those_it_declares()
    {
        var (year, previous, before) = (Facts(2024, 30_000_000), Facts(2023, 25_000_000), Facts(2022, 20_000_000));
        var extra = new Supplementary(27_000_000, 50_000_000, 20_000_000, 15, 1, 1, 2, 3, 1_000_000);
        var profile = new Profile(new DateOnly(2019, 5, 1), 2015, true, 3, false);
        var asOf = new DateOnly(2024, 12, 31);
        ValueSources Sources(YearFacts y, YearFacts p, YearFacts b) => new(y, PriorYear.Of(p), PriorYear.Of(b), extra, profile, true, false, true, asOf);
        var keys = EnterpriseValues.Of(year, previous, before, extra, profile, true, false, true, asOf).Keys.ToList();
        Assert.True(keys.Count > 30);
        foreach (var key in keys)
        {
            // Every column the value does not declare gets other figures, in every year: a value that changes reads one.
            var declared = EnterpriseValues.FactsRead([key]);
            var read = EnterpriseValues.Readers([key])[0]!;
            var shifted = read(Sources(Shift(year, declared), Shift(previous, declared), Shift(before, declared)));
            Assert.True(read(Sources(year, previous, before)) == shifted, $"{key} reads a fact column it does not declare (it declares {declared})");
        }
        Assert.Equal(FactColumns.TaxPaid | FactColumns.LandMu | FactColumns.Revenue, EnterpriseValues.FactsRead(["taxPerMu", "revenueGrowth", "expert:position"]));
    }

    /// <summary>The facts with every column outside <paramref name="keep"/> changed, each by its own factor (so ratios between them change too).</summary>
    private static YearFacts Shift(YearFacts f, FactColumns keep)
    {
        decimal Other(FactColumns column, decimal value) => keep.HasFlag(column) ? value : value * (3 + System.Numerics.BitOperations.Log2((uint)column)) + 7;
        return new(f.Year, Other(FactColumns.Revenue, f.Revenue), Other(FactColumns.OutputValue, f.OutputValue), Other(FactColumns.ValueAdded, f.ValueAdded),
            Other(FactColumns.Profit, f.Profit), Other(FactColumns.TaxPaid, f.TaxPaid), (int)Other(FactColumns.Employees, f.Employees),
            Other(FactColumns.RdSpend, f.RdSpend), (int)Other(FactColumns.InventionPatents, f.InventionPatents), Other(FactColumns.EnergyTce, f.EnergyTce),
            Other(FactColumns.ElectricityKwh, f.ElectricityKwh), Other(FactColumns.EmissionsTonnes, f.EmissionsTonnes), Other(FactColumns.LandMu, f.LandMu));
    }
}
