namespace Qianglian.Core.Scoring;

/// <summary>How an indicator's value becomes points.</summary>
public enum ScoringMethod
{
    /// <summary><c>min(value / benchmark, cap) × weight</c> (a value below zero counts as zero).</summary>
    BenchmarkRatio = 1,
    /// <summary>The points of the first band (in the order given, best first) the value falls in.</summary>
    Banded = 2,
    /// <summary>功效系数法: <c>60 + 40 × (x − bad) / (good − bad)</c>, x held between bad and good, then × weight / 100.</summary>
    EfficacyCoefficient = 3,
}

/// <summary>What an indicator scores when a subject has no value for it.</summary>
public enum MissingRule
{
    /// <summary>No points.</summary>
    Zero = 1,
    /// <summary>The average value of the subjects of the same run that have one (no points when none has).</summary>
    ItemAverage = 2,
    /// <summary>The subject is not scored at all; the result names the missing item.</summary>
    NotEvaluated = 3,
}

public enum ClassificationMode
{
    /// <summary>A subject takes the first band whose minimum score it reaches ("以上" includes the number).</summary>
    ByScore = 1,
    /// <summary>Bands by rank: a band holds the ranks up to a cumulative share of the scored subjects (ties share the better rank).</summary>
    ByRankShare = 2,
}

/// <summary>
/// An evaluation model: indicators with weights that sum to 100, each scored by one method from a subject's value
/// (a fact or an expert score), dimensions with optional minimum subtotals, exemptions, a missing-data rule and the
/// bands that classify a total. Subjects are anything with values — an enterprise, a chain, a park — so the same
/// engine serves every evaluation. Plain data: read from YAML packs, stored as JSON with each run.
/// </summary>
public sealed record ScoringModel
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Where the numbers come from (the document and clause).</summary>
    public string? Source { get; init; }
    public List<Dimension> Dimensions { get; init; } = [];
    public List<Indicator> Indicators { get; init; } = [];
    /// <summary>The rule for indicators that do not set their own.</summary>
    public MissingRule Missing { get; init; } = MissingRule.Zero;
    public List<Exemption> Exemptions { get; init; } = [];
    public Classification Classification { get; init; } = new();

    /// <summary>The keys of the subject's values that scoring reads: indicators, their alternatives, exemptions.</summary>
    public IReadOnlySet<string> Reads() =>
        Indicators.SelectMany(i => new[] { i.Input, i.AltInput }).Concat(Exemptions.Select(x => x.Input)).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

/// <param name="Minimum">A subject whose subtotal of this dimension is below it takes the fail class, whatever its total.</param>
public sealed record Dimension
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public decimal? Minimum { get; init; }
}

public sealed record Indicator
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Dimension { get; init; }
    /// <summary>The key of the subject's value this indicator reads (e.g. <c>taxPerMu</c>, <c>expert:position</c>).</summary>
    public string Input { get; init; } = "";
    /// <summary>A second value a band may accept instead (研发费用总额 500万元以上 <em>或</em> 占比 10% 以上).</summary>
    public string? AltInput { get; init; }
    public string? AltUnit { get; init; }
    public ScoringMethod Method { get; init; } = ScoringMethod.BenchmarkRatio;
    /// <summary>Share of the total (all weights sum to 100); for banded indicators, the most points a band may give.</summary>
    public decimal Weight { get; init; }
    public decimal? Benchmark { get; init; }
    public decimal Cap { get; init; } = 1m;
    /// <summary>Efficacy coefficient: the satisfactory (满意值) and the not-allowed (不允许值) values; good below bad means lower is better.</summary>
    public decimal? Good { get; init; }
    public decimal? Bad { get; init; }
    public List<Band> Bands { get; init; } = [];
    public MissingRule? Missing { get; init; }
    /// <summary>How values are shown: <c>yuan</c> (as 万元), <c>ratio</c> (as %), or a unit written after the number.</summary>
    public string? Unit { get; init; }
    /// <summary>Allowed range of an entered (expert) value; values outside are refused on entry.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
}

/// <summary>A band of a banded indicator: value ≥ Min and ≤ Max (both inclusive, either may be open), or alt ≥ AltMin.</summary>
public sealed record Band
{
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal? AltMin { get; init; }
    public decimal Points { get; init; }
    public string? Label { get; init; }
}

/// <summary>
/// A subject the model does not grade (亩均: utilities, under two years in production, a major project under
/// construction): it takes the exemption's class. Applies when the input is present and within the bounds given
/// (AtLeast inclusive, Below exclusive).
/// </summary>
public sealed record Exemption
{
    public string Key { get; init; } = "";
    public string Name { get; init; } = "";
    public string Input { get; init; } = "";
    public decimal? AtLeast { get; init; }
    public decimal? Below { get; init; }
    public string Class { get; init; } = "T";
}

public sealed record Classification
{
    public ClassificationMode Mode { get; init; } = ClassificationMode.ByScore;
    /// <summary>Best first.</summary>
    public List<ClassBand> Bands { get; init; } = [];
    /// <summary>The class of a subject in no band (below every minimum, or failing a dimension minimum).</summary>
    public string Otherwise { get; init; } = "";
}

/// <param name="UpToShare">ByRankShare: the band holds ranks up to this cumulative share (0–1) of the scored subjects.</param>
public sealed record ClassBand
{
    public string Key { get; init; } = "";
    public string Label { get; init; } = "";
    public decimal? MinScore { get; init; }
    public decimal? UpToShare { get; init; }
}

/// <summary>What is scored: an id, a name and its values by key (null or absent: no value).</summary>
public sealed record Subject(string Id, string Name, IReadOnlyDictionary<string, decimal?> Values);
