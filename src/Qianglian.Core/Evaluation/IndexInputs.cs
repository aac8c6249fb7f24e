namespace Qianglian.Core.Evaluation;

/// <summary>What the index knows of one enterprise of a subject (a chain's member, a park's resident) in a year.</summary>
/// <param name="Output">Output of the year; null when the enterprise reported nothing for the year (never read as 0).</param>
/// <param name="PreviousOutput">Output of the year before, when reported (growth compares the same enterprises).</param>
public sealed record MemberFact(Guid EnterpriseId, bool AboveScale, bool ChainLeader, decimal? Output, decimal? PreviousOutput, decimal Revenue, decimal RdSpend)
{
    /// <summary>The enterprise reported its figures for the year.</summary>
    public bool Reported => Output is not null;
}

/// <summary>Tier memberships held at the end of the year (达州 示范库 / 培育库 / 候选库).</summary>
public sealed record TierCounts(int Demonstration, int Cultivation, int Candidate);

/// <summary>
/// The raw facts of one evaluated subject — a chain or a park — for a year, gathered from the modules' data.
/// A null means the system holds no data for it (the indicator then follows its model's missing-data rule).
/// </summary>
/// <param name="Nodes">Chain nodes, and those with at least one local enterprise (not a 缺链 node); null for a park.</param>
/// <param name="InvestmentPlanned">The year's planned investment of the subject's projects (yuan), at the agreed shares.</param>
/// <param name="InvestmentCompleted">Investment reported in the year's monthly dispatch (yuan), at the agreed shares.</param>
/// <param name="FundsInPlace">到位资金 of the year (yuan), from the investment-attraction records, when a source exists.</param>
/// <param name="OnTimeRate">按期办结率 of the subject's problems (0–1), null when none was closed.</param>
public sealed record SubjectFacts(string Id, string Name, IReadOnlyList<MemberFact> Members, int? Nodes, int? CoveredNodes, TierCounts Tiers,
    decimal? InvestmentPlanned, decimal? InvestmentCompleted, decimal? FundsInPlace, decimal? OnTimeRate);

/// <summary>
/// The values the evaluation index reads of a subject, by key, computed from its facts. Every value is defined once
/// here, so the chain index (达州 （七）), the park evaluation (攀枝花 十六) and their explanations agree.
/// </summary>
public static class IndexInputs
{
    public const string Output = "output";
    public const string OutputGrowth = "outputGrowth";
    public const string AboveScaleCount = "aboveScaleCount";
    public const string ChainLeaderCount = "chainLeaderCount";
    public const string TierDemonstration = "tierDemonstration";
    public const string TierPoints = "tierPoints";
    public const string InvestmentCompleted = "investmentCompleted";
    public const string InvestmentCompletion = "investmentCompletion";
    public const string FundsInPlace = "fundsInPlace";
    public const string RdIntensity = "rdIntensity";
    public const string NodeCoverage = "nodeCoverage";
    public const string ProblemOnTimeRate = "problemOnTimeRate";

    /// <summary>The values read from the year's enterprise figures: without a report of the year they have no value (not 0).</summary>
    public static readonly IReadOnlySet<string> FromYearFigures = new HashSet<string>(StringComparer.Ordinal) { Output, OutputGrowth, AboveScaleCount, RdIntensity };

    /// <summary>The values of the year's own records (enterprise figures, monthly dispatch, funds in place); the others describe the chain's structure.</summary>
    public static readonly IReadOnlySet<string> OfTheYear = new HashSet<string>(FromYearFigures, StringComparer.Ordinal) { InvestmentCompleted, InvestmentCompletion, FundsInPlace };

    public static IReadOnlyDictionary<string, decimal?> Values(SubjectFacts f)
    {
        var reported = f.Members.Where(m => m.Reported).ToList();
        var revenue = reported.Sum(m => m.Revenue);
        return new Dictionary<string, decimal?>
        {
            [Output] = reported.Count > 0 ? reported.Sum(m => m.Output!.Value) : null,
            [OutputGrowth] = Growth(f.Members),
            [AboveScaleCount] = reported.Count > 0 ? reported.Count(m => m.AboveScale) : null,
            [ChainLeaderCount] = f.Members.Count(m => m.ChainLeader),
            [TierDemonstration] = f.Tiers.Demonstration,
            // 示范库 3, 培育库 2, 候选库 1: one figure for the depth of the chain-leader pipeline.
            [TierPoints] = 3 * f.Tiers.Demonstration + 2 * f.Tiers.Cultivation + f.Tiers.Candidate,
            [InvestmentCompleted] = f.InvestmentCompleted,
            [InvestmentCompletion] = f.InvestmentPlanned is > 0 && f.InvestmentCompleted is { } done ? Math.Round(done / f.InvestmentPlanned.Value, 4) : null,
            [FundsInPlace] = f.FundsInPlace,
            [RdIntensity] = revenue > 0 ? Math.Round(reported.Sum(m => m.RdSpend) / revenue, 4) : null,
            [NodeCoverage] = f.Nodes is > 0 && f.CoveredNodes is { } covered ? Math.Round((decimal)covered / f.Nodes.Value, 4) : null,
            [ProblemOnTimeRate] = f.OnTimeRate,
        };
    }

    /// <summary>
    /// Output growth over the members that reported both years (an enterprise that joined this year does not make
    /// the chain "grow", one that has not reported this year does not make it shrink): Σ output ÷ Σ previous output − 1;
    /// null when nothing comparable was reported.
    /// </summary>
    public static decimal? Growth(IEnumerable<MemberFact> members)
    {
        var comparable = members.Where(m => m.PreviousOutput is not null && m.Output is not null).ToList();
        var previous = comparable.Sum(m => m.PreviousOutput!.Value);
        return previous <= 0 ? null : Math.Round(comparable.Sum(m => m.Output!.Value) / previous - 1m, 4);
    }
}
