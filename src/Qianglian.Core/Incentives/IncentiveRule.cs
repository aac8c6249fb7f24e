namespace Qianglian.Core.Incentives;

/// <summary>How a measure turns facts into an amount. The numbers are data (<see cref="IncentiveRule"/>).</summary>
public enum RuleKind
{
    /// <summary>不超过基数的 X%，上限 Y: base × rate, capped.</summary>
    PercentOfBase = 1,
    /// <summary>按类别的比例: base × the rate of the chosen category (整体升级改造 3%, 智改数转 8% …), capped.</summary>
    RateByCategory = 2,
    /// <summary>一次性奖励: a fixed amount; null while the jurisdiction has not set it ("to be set").</summary>
    FixedAward = 3,
    /// <summary>贷款贴息: principal × annual rate × days / 360, capped.</summary>
    LoanInterest = 4,
}

/// <summary>An amount a rule reads from the project or the application. Yuan.</summary>
public enum Figure
{
    EquipmentInvestment = 1,  // 设备（含软件）投资
    TotalInvestment = 2,      // 总投资
    PurchaseAmount = 3,       // 设备购置额
    NewOutputValue = 4,       // 新增生产规模
    LoanPrincipal = 5,        // 贷款本金
}

public enum ConditionKind
{
    /// <summary>The project carries one of <see cref="RuleCondition.Flags"/> (链主项目, 重大带动引领项目 …).</summary>
    ProjectFlag = 1,
    /// <summary>如期建成投产: completed no later than planned.</summary>
    CompletedOnSchedule = 2,
    /// <summary>A figure of at least <see cref="RuleCondition.Minimum"/>: "以上" includes the number.</summary>
    AtLeast = 3,
    /// <summary>中小企业 by the national statistical rule for industry.</summary>
    Sme = 4,
    /// <summary>The enterprise holds an honour (kind and level), e.g. 国家级单项冠军.</summary>
    Honour = 5,
    /// <summary>A fact the applicant declares and the reviewers verify (e.g. 获得省级“链主”企业认定).</summary>
    Attested = 6,
}

public sealed record CategoryRate(string Name, decimal Rate);

/// <summary>One eligibility condition of a rule; which fields apply depends on <see cref="Kind"/>.</summary>
public sealed record RuleCondition
{
    public ConditionKind Kind { get; init; }
    /// <summary>ProjectFlag: any of these (names of the project flags, e.g. ChainLeader).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
    /// <summary>AtLeast: the figure tested.</summary>
    public Figure? Figure { get; init; }
    /// <summary>AtLeast: the minimum in yuan, inclusive.</summary>
    public decimal? Minimum { get; init; }
    /// <summary>Honour: the honour kind (SingleChampion, LittleGiant …) and level (National, Provincial …).</summary>
    public string? Honour { get; init; }
    public string? HonourLevel { get; init; }
    /// <summary>Attested: what the applicant declares.</summary>
    public string? Text { get; init; }
}

/// <summary>
/// The parameters of one measure's rule: which kind, which base, which rate(s), cap, fixed amount and conditions.
/// Stored as data (pack YAML, the API, a JSON column); evaluated by <see cref="IncentiveCalculator"/>. Money in yuan;
/// rates as fractions (0.03 = 3%).
/// </summary>
public sealed record IncentiveRule
{
    public RuleKind Kind { get; init; }
    /// <summary>PercentOfBase and RateByCategory: the figure the rate applies to.</summary>
    public Figure Base { get; init; } = Figure.EquipmentInvestment;
    /// <summary>PercentOfBase: the ceiling rate ("不超过 X%"). LoanInterest: the highest annual rate subsidised (null: the loan's own).</summary>
    public decimal? Rate { get; init; }
    public IReadOnlyList<CategoryRate> Categories { get; init; } = [];
    /// <summary>The most one project (or enterprise) receives under the measure; null: no cap.</summary>
    public decimal? Cap { get; init; }
    /// <summary>FixedAward: the amount; null means the jurisdiction has not set it yet.</summary>
    public decimal? Amount { get; init; }
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];

    /// <summary>A fixed award whose amount the seed leaves to the jurisdiction: eligible, but not payable.</summary>
    public bool AmountToBeSet => Kind == RuleKind.FixedAward && Amount is null;
}

/// <summary>A measure as the calculator sees it: what it is called, the clause it comes from, its window, its rule.</summary>
public sealed record MeasureTerms(string Title, string Clause, DateOnly? ValidFrom, DateOnly? ValidUntil, IncentiveRule Rule);

public sealed record HonourFact(string Kind, string Level);

/// <summary>
/// What is known about one case (a project, its enterprise and the application): the inputs of a rule. Missing
/// figures are absent from <see cref="Figures"/>; the calculator names them.
/// </summary>
public sealed record CaseFacts
{
    /// <summary>The date the case is judged on (the application date): the validity window is tested against it.</summary>
    public DateOnly On { get; init; }
    public IReadOnlySet<string> ProjectFlags { get; init; } = new HashSet<string>();
    public DateOnly? PlannedCompletion { get; init; }
    public DateOnly? ActualCompletion { get; init; }
    public IReadOnlyDictionary<Figure, decimal> Figures { get; init; } = new Dictionary<Figure, decimal>();
    /// <summary>RateByCategory: the category chosen on the application.</summary>
    public string? Category { get; init; }
    public Enterprises.SizeClass? EnterpriseSize { get; init; }
    public IReadOnlyList<HonourFact> Honours { get; init; } = [];
    /// <summary>LoanInterest: the loan's annual rate (0.0435) and the days of interest.</summary>
    public decimal? LoanRate { get; init; }
    public int? LoanDays { get; init; }
    /// <summary>The texts of the Attested conditions the applicant declared.</summary>
    public IReadOnlySet<string> Attested { get; init; } = new HashSet<string>();
}
