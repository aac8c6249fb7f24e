using Column = Qianglian.Core.Cultivation.FactColumns;

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
/// The columns of <see cref="YearFacts"/> (and of <see cref="PriorYear"/>, in whichever years a value reads): a
/// province-wide run reads only those its models' values are derived from (<see cref="EnterpriseValues.FactsRead"/>).
/// </summary>
[Flags]
public enum FactColumns
{
    None = 0,
    Revenue = 1 << 0, OutputValue = 1 << 1, ValueAdded = 1 << 2, Profit = 1 << 3, TaxPaid = 1 << 4, Employees = 1 << 5,
    RdSpend = 1 << 6, InventionPatents = 1 << 7, EnergyTce = 1 << 8, ElectricityKwh = 1 << 9, EmissionsTonnes = 1 << 10, LandMu = 1 << 11,
}

/// <summary>What the rules read of a year before the evaluated one: the figures growth and the earlier R&amp;D intensity are measured from.</summary>
public sealed record PriorYear(decimal Revenue, decimal OutputValue, decimal RdSpend)
{
    public static PriorYear Of(YearFacts f) => new(f.Revenue, f.OutputValue, f.RdSpend);
}

/// <summary>Everything an enterprise's values for a year are derived from.</summary>
public sealed record ValueSources(YearFacts Year, PriorYear? Previous, PriorYear? BeforePrevious, Supplementary? Extra, Profile? Profile,
    bool Industrial, bool Utility, bool Sme, DateOnly AsOf);

/// <summary>
/// Turns an enterprise's facts into the keyed values of <see cref="Inputs"/>: the year's facts, growth against the
/// previous years, per-mu and per-unit efficiencies (a zero or absent denominator gives no value, never a division
/// by zero), and the supplementary data. Industry and size come from the registry's own rules. One table of rules
/// serves both the whole set of values (<see cref="Of"/>) and a model's few (<see cref="Readers"/>, for a province).
/// </summary>
public static class EnterpriseValues
{
    /// <summary>What a value is derived from beyond the year's facts; it has no value when that is absent.</summary>
    private enum Needs { Facts, Extra, Profile }

    /// <param name="Reads">The fact columns the value is derived from (a unit test holds every rule to it).</param>
    private sealed record Rule(string Key, Needs Needs, FactColumns Reads, Func<ValueSources, decimal?> Get);

    private static readonly Rule[] Rules =
    [
        new("revenue", Needs.Facts, Column.Revenue, s => s.Year.Revenue), new("outputValue", Needs.Facts, Column.OutputValue, s => s.Year.OutputValue),
        new("valueAdded", Needs.Facts, Column.ValueAdded, s => s.Year.ValueAdded), new("profit", Needs.Facts, Column.Profit, s => s.Year.Profit),
        new("taxPaid", Needs.Facts, Column.TaxPaid, s => s.Year.TaxPaid), new("employees", Needs.Facts, Column.Employees, s => s.Year.Employees),
        new("rdSpend", Needs.Facts, Column.RdSpend, s => s.Year.RdSpend), new("inventionPatents", Needs.Facts, Column.InventionPatents, s => s.Year.InventionPatents),
        new("energyTce", Needs.Facts, Column.EnergyTce, s => s.Year.EnergyTce), new("electricityKwh", Needs.Facts, Column.ElectricityKwh, s => s.Year.ElectricityKwh),
        new("emissionsTonnes", Needs.Facts, Column.EmissionsTonnes, s => s.Year.EmissionsTonnes), new("landMu", Needs.Facts, Column.LandMu, s => s.Year.LandMu),
        new("revenueGrowth", Needs.Facts, Column.Revenue, s => Growth(s.Year.Revenue, s.Previous?.Revenue)),
        new("outputGrowth", Needs.Facts, Column.OutputValue, s => Growth(s.Year.OutputValue, s.Previous?.OutputValue)),
        new("rdIntensity", Needs.Facts, Column.RdSpend | Column.Revenue, s => Per(s.Year.RdSpend, s.Year.Revenue)),
        new("rdIntensityPrev", Needs.Facts, Column.RdSpend | Column.Revenue, s => s.Previous is { } p ? Per(p.RdSpend, p.Revenue) : null),
        new("netMargin", Needs.Facts, Column.Profit | Column.Revenue, s => Per(s.Year.Profit, s.Year.Revenue)),
        new("taxPerMu", Needs.Facts, Column.TaxPaid | Column.LandMu, s => Per(s.Year.TaxPaid, s.Year.LandMu)),
        new("valueAddedPerMu", Needs.Facts, Column.ValueAdded | Column.LandMu, s => Per(s.Year.ValueAdded, s.Year.LandMu)),
        new("labourProductivity", Needs.Facts, Column.ValueAdded | Column.Employees, s => Per(s.Year.ValueAdded, s.Year.Employees)),
        new("valueAddedPerTce", Needs.Facts, Column.ValueAdded | Column.EnergyTce, s => Per(s.Year.ValueAdded, s.Year.EnergyTce)),
        new("valueAddedPerEmission", Needs.Facts, Column.ValueAdded | Column.EmissionsTonnes, s => Per(s.Year.ValueAdded, s.Year.EmissionsTonnes)),
        new("taxPerKwh", Needs.Facts, Column.TaxPaid | Column.ElectricityKwh, s => Per(s.Year.TaxPaid, s.Year.ElectricityKwh)),
        new("industrial", Needs.Facts, Column.None, s => s.Industrial ? 1 : 0), new("utility", Needs.Facts, Column.None, s => s.Utility ? 1 : 0),
        new("sme", Needs.Facts, Column.None, s => s.Sme ? 1 : 0),
        new("revenueGrowthAvg2", Needs.Facts, Column.Revenue, s =>
            Growth(s.Year.Revenue, s.Previous?.Revenue) is { } a && s.Previous is { } p && Growth(p.Revenue, s.BeforePrevious?.Revenue) is { } b ? Math.Round((a + b) / 2, 6) : null),
        new("mainBusinessShare", Needs.Extra, Column.Revenue, s => s.Extra!.MainBusinessRevenue is { } main ? Per(main, s.Year.Revenue) : null),
        new("debtRatio", Needs.Extra, Column.None, s => s.Extra!.TotalAssets is { } assets && s.Extra.TotalLiabilities is { } debt ? Per(debt, assets) : null),
        new("rdStaffShare", Needs.Extra, Column.Employees, s => s.Extra!.RdStaff is { } staff ? Per(staff, s.Year.Employees) : null),
        new("classOneIp", Needs.Extra, Column.None, s => s.Extra!.ClassOneIp), new("ipLevel", Needs.Extra, Column.None, s => IpLevel(s.Extra!)),
        new("equityFinancing2y", Needs.Extra, Column.None, s => s.Extra!.EquityFinancing2y),
        new("yearsInProduction", Needs.Profile, Column.None, s => s.Profile!.ProductionStartedOn is { } started ? YearsBetween(started, s.AsOf) : null),
        new("nicheYears", Needs.Profile, Column.None, s => s.Profile!.NicheSinceYear is { } since ? Math.Max(0, s.Year.Year - since + 1) : null),
        new("strategicEmerging", Needs.Profile, Column.None, s => s.Profile!.StrategicEmerging ? 1 : 0),
        new("rdInstitutionLevel", Needs.Profile, Column.None, s => s.Profile!.RdInstitutionLevel),
        new("majorProjectUnderConstruction", Needs.Profile, Column.None, s => s.Profile!.MajorProjectUnderConstruction ? 1 : 0),
    ];

    private static readonly Dictionary<string, Rule> ByKey = Rules.ToDictionary(r => r.Key, StringComparer.Ordinal);

    /// <summary>The values that need the facts of the years before the evaluated one.</summary>
    public static readonly IReadOnlySet<string> FromPreviousYears = new HashSet<string>(StringComparer.Ordinal)
    {
        "revenueGrowth", "outputGrowth", "rdIntensityPrev", "revenueGrowthAvg2",
    };

    /// <summary>The one value of <see cref="FromPreviousYears"/> that needs the year before the previous one too.</summary>
    public static readonly IReadOnlySet<string> FromYearBeforePrevious = new HashSet<string>(StringComparer.Ordinal) { "revenueGrowthAvg2" };

    /// <summary>Whether scoring under <paramref name="model"/> reads a value of <see cref="FromPreviousYears"/> (an indicator, its alternative or an exemption).</summary>
    public static bool NeedPreviousYears(Scoring.ScoringModel model) => model.Reads().Overlaps(FromPreviousYears);

    /// <summary>The fact columns the values of <paramref name="keys"/> are derived from (keys no rule derives read none).</summary>
    public static FactColumns FactsRead(IEnumerable<string> keys) =>
        keys.Aggregate(FactColumns.None, (columns, k) => ByKey.TryGetValue(k, out var r) ? columns | r.Reads : columns);

    /// <summary>Whether any of <paramref name="keys"/> comes from the supplementary figures.</summary>
    public static bool NeedSupplementary(IEnumerable<string> keys) => keys.Any(k => ByKey.TryGetValue(k, out var r) && r.Needs == Needs.Extra);

    /// <summary>Whether any of <paramref name="keys"/> comes from the profile.</summary>
    public static bool NeedProfile(IEnumerable<string> keys) => keys.Any(k => ByKey.TryGetValue(k, out var r) && r.Needs == Needs.Profile);

    public static Dictionary<string, decimal?> Of(YearFacts year, YearFacts? previous, YearFacts? beforePrevious, Supplementary? extra, Profile? profile,
        bool industrial, bool utility, bool sme, DateOnly asOf)
    {
        var sources = new ValueSources(year, previous is null ? null : PriorYear.Of(previous), beforePrevious is null ? null : PriorYear.Of(beforePrevious),
            extra, profile, industrial, utility, sme, asOf);
        return Rules.Where(r => Available(r, sources)).ToDictionary(r => r.Key, r => r.Get(sources));
    }

    /// <summary>
    /// A reader of each key in order — the value from the sources, or null when they lack it — and null for a key
    /// no rule derives (an expert score: the caller fills it in).
    /// </summary>
    public static Func<ValueSources, decimal?>?[] Readers(IReadOnlyList<string> keys) =>
        [.. keys.Select(k => ByKey.TryGetValue(k, out var r) ? (Func<ValueSources, decimal?>)(s => Available(r, s) ? r.Get(s) : null) : null)];

    private static bool Available(Rule r, ValueSources s) => r.Needs switch
    {
        Needs.Extra => s.Extra is not null,
        Needs.Profile => s.Profile is not null,
        _ => true,
    };

    /// <summary>4 Ⅰ类高价值 / 3 自主研发Ⅰ类 / 2 Ⅰ类 / 1 Ⅱ类 / 0 none — the bands of the national schemes; null when nothing was entered.</summary>
    public static decimal? IpLevel(Supplementary s) =>
        s.HighValueIp is null && s.OwnClassOneIp is null && s.ClassOneIp is null && s.ClassTwoIp is null ? null
        : s.HighValueIp > 0 ? 4 : s.OwnClassOneIp > 0 ? 3 : s.ClassOneIp > 0 ? 2 : s.ClassTwoIp > 0 ? 1 : 0;

    public static decimal? Growth(decimal current, decimal? previous) => previous is > 0 ? Math.Round(current / previous.Value - 1, 6) : null;

    public static decimal? Per(decimal numerator, decimal denominator) => denominator > 0 ? Math.Round(numerator / denominator, 6) : null;

    /// <summary>Whole and fractional years from a date to another (a production start two years ago to the day is 2).</summary>
    public static decimal YearsBetween(DateOnly from, DateOnly to) => Math.Round((to.DayNumber - from.DayNumber) / 365.25m, 2);
}
