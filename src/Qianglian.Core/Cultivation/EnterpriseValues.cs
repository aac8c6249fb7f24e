namespace Qianglian.Core.Cultivation;

/// <summary>One year's reported facts of an enterprise, as the cultivation rules read them (money in yuan).</summary>
public sealed record YearFacts(int Year, decimal Revenue, decimal OutputValue, decimal ValueAdded, decimal Profit, decimal TaxPaid, int Employees,
    decimal RdSpend, int InventionPatents, decimal EnergyTce, decimal ElectricityKwh, decimal EmissionsTonnes, decimal LandMu);

/// <summary>What the registry does not hold and the gradient rules need (all optional; a missing one is missing data).</summary>
public sealed record Supplementary(decimal? MainBusinessRevenue = null, decimal? TotalAssets = null, decimal? TotalLiabilities = null, int? RdStaff = null,
    int? HighValueIp = null, int? OwnClassOneIp = null, int? ClassOneIp = null, int? ClassTwoIp = null, decimal? EquityFinancing2y = null);

/// <summary>Standing data of an enterprise: when it started, its niche, its R&amp;D institution.</summary>
public sealed record Profile(DateOnly? ProductionStartedOn = null, int? NicheSinceYear = null, bool StrategicEmerging = false,
    int RdInstitutionLevel = 0, bool MajorProjectUnderConstruction = false);

/// <summary>
/// Turns an enterprise's facts into the keyed values of <see cref="Inputs"/>: the year's facts, growth against the
/// previous years, per-mu and per-unit efficiencies (a zero or absent denominator gives no value, never a division
/// by zero), and the supplementary data. Industry and size come from the registry's own rules.
/// </summary>
public static class EnterpriseValues
{
    /// <summary>The values that need the facts of the years before the evaluated one.</summary>
    public static readonly IReadOnlySet<string> FromPreviousYears = new HashSet<string>(StringComparer.Ordinal)
    {
        "revenueGrowth", "outputGrowth", "rdIntensityPrev", "revenueGrowthAvg2",
    };

    /// <summary>Whether scoring under <paramref name="model"/> reads a value of <see cref="FromPreviousYears"/> (an indicator, its alternative or an exemption).</summary>
    public static bool NeedPreviousYears(Scoring.ScoringModel model) => model.Reads().Overlaps(FromPreviousYears);

    public static Dictionary<string, decimal?> Of(YearFacts year, YearFacts? previous, YearFacts? beforePrevious, Supplementary? extra, Profile? profile,
        bool industrial, bool utility, bool sme, DateOnly asOf)
    {
        var v = new Dictionary<string, decimal?>
        {
            ["revenue"] = year.Revenue, ["outputValue"] = year.OutputValue, ["valueAdded"] = year.ValueAdded, ["profit"] = year.Profit,
            ["taxPaid"] = year.TaxPaid, ["employees"] = year.Employees, ["rdSpend"] = year.RdSpend, ["inventionPatents"] = year.InventionPatents,
            ["energyTce"] = year.EnergyTce, ["electricityKwh"] = year.ElectricityKwh, ["emissionsTonnes"] = year.EmissionsTonnes, ["landMu"] = year.LandMu,
            ["revenueGrowth"] = Growth(year.Revenue, previous?.Revenue),
            ["outputGrowth"] = Growth(year.OutputValue, previous?.OutputValue),
            ["rdIntensity"] = Per(year.RdSpend, year.Revenue),
            ["rdIntensityPrev"] = previous is null ? null : Per(previous.RdSpend, previous.Revenue),
            ["netMargin"] = Per(year.Profit, year.Revenue),
            ["taxPerMu"] = Per(year.TaxPaid, year.LandMu),
            ["valueAddedPerMu"] = Per(year.ValueAdded, year.LandMu),
            ["labourProductivity"] = Per(year.ValueAdded, year.Employees),
            ["valueAddedPerTce"] = Per(year.ValueAdded, year.EnergyTce),
            ["valueAddedPerEmission"] = Per(year.ValueAdded, year.EmissionsTonnes),
            ["taxPerKwh"] = Per(year.TaxPaid, year.ElectricityKwh),
            ["industrial"] = industrial ? 1 : 0, ["utility"] = utility ? 1 : 0, ["sme"] = sme ? 1 : 0,
        };
        var g1 = Growth(year.Revenue, previous?.Revenue);
        var g0 = previous is null ? null : Growth(previous.Revenue, beforePrevious?.Revenue);
        v["revenueGrowthAvg2"] = g1 is { } a && g0 is { } b ? Math.Round((a + b) / 2, 6) : null;
        if (extra is not null)
        {
            v["mainBusinessShare"] = extra.MainBusinessRevenue is { } main ? Per(main, year.Revenue) : null;
            v["debtRatio"] = extra.TotalAssets is { } assets && extra.TotalLiabilities is { } debt ? Per(debt, assets) : null;
            v["rdStaffShare"] = extra.RdStaff is { } staff ? Per(staff, year.Employees) : null;
            v["classOneIp"] = extra.ClassOneIp;
            v["ipLevel"] = IpLevel(extra);
            v["equityFinancing2y"] = extra.EquityFinancing2y;
        }
        if (profile is not null)
        {
            v["yearsInProduction"] = profile.ProductionStartedOn is { } started ? YearsBetween(started, asOf) : null;
            v["nicheYears"] = profile.NicheSinceYear is { } since ? Math.Max(0, year.Year - since + 1) : null;
            v["strategicEmerging"] = profile.StrategicEmerging ? 1 : 0;
            v["rdInstitutionLevel"] = profile.RdInstitutionLevel;
            v["majorProjectUnderConstruction"] = profile.MajorProjectUnderConstruction ? 1 : 0;
        }
        return v;
    }

    /// <summary>4 Ⅰ类高价值 / 3 自主研发Ⅰ类 / 2 Ⅰ类 / 1 Ⅱ类 / 0 none — the bands of the national schemes; null when nothing was entered.</summary>
    public static decimal? IpLevel(Supplementary s) =>
        s.HighValueIp is null && s.OwnClassOneIp is null && s.ClassOneIp is null && s.ClassTwoIp is null ? null
        : s.HighValueIp > 0 ? 4 : s.OwnClassOneIp > 0 ? 3 : s.ClassOneIp > 0 ? 2 : s.ClassTwoIp > 0 ? 1 : 0;

    public static decimal? Growth(decimal current, decimal? previous) => previous is > 0 ? Math.Round(current / previous.Value - 1, 6) : null;

    public static decimal? Per(decimal numerator, decimal denominator) => denominator > 0 ? Math.Round(numerator / denominator, 6) : null;

    /// <summary>Whole and fractional years from a date to another (a production start two years ago to the day is 2).</summary>
    public static decimal YearsBetween(DateOnly from, DateOnly to) => Math.Round((to.DayNumber - from.DayNumber) / 365.25m, 2);
}
