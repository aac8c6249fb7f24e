using Qianglian.Core.Incentives;

namespace Qianglian.Core.Tests.Incentives;

/// <summary>The seeds' measures as the packs configure them (packs/*/incentives.yaml), in yuan.</summary>
internal static class SeedRules
{
    public const decimal Wan = 10_000m;
    public static readonly DateOnly XiquUntil = new(2027, 12, 31);
    public static readonly DateOnly Today = new(2026, 6, 1);

    private static readonly RuleCondition ChainLeaderOrMajor = new() { Kind = ConditionKind.ProjectFlag, Flags = ["ChainLeader", "MajorLeading"] };

    /// <summary>西区 六: 链主/重大带动引领项目, 如期建成投产, 新增生产规模 ≥ 2000万; 设备投资 × 3%, cap 500万.</summary>
    public static readonly MeasureTerms Xiqu6 = new("六、促进重点项目早日竣工投产",
        "单个项目按照不超过其设备（含软件）投资额的3%核算补助金额，同一项目补助上限为500万元", null, XiquUntil,
        new IncentiveRule
        {
            Kind = RuleKind.PercentOfBase, Base = Figure.EquipmentInvestment, Rate = 0.03m, Cap = 500 * Wan,
            Conditions =
            [
                ChainLeaderOrMajor,
                new() { Kind = ConditionKind.CompletedOnSchedule },
                new() { Kind = ConditionKind.AtLeast, Figure = Figure.NewOutputValue, Minimum = 2000 * Wan },
            ],
        });

    /// <summary>西区 七: equipment ≥ 2000万, 3% / 5% / 5% / 8% by direction, cap 250万.</summary>
    public static readonly MeasureTerms Xiqu7 = new("七、推动重点企业设备更新和技术改造",
        "区级财政按核定项目设备（含软件）投资的3%、5%、5%、8%给予激励，单个项目最高补助250万元", null, XiquUntil,
        new IncentiveRule
        {
            Kind = RuleKind.RateByCategory, Base = Figure.EquipmentInvestment, Cap = 250 * Wan,
            Categories = [new("整体升级改造", 0.03m), new("环保技改", 0.05m), new("安全生产技改", 0.05m), new("智改数转", 0.08m)],
            Conditions = [ChainLeaderOrMajor, new() { Kind = ConditionKind.AtLeast, Figure = Figure.EquipmentInvestment, Minimum = 2000 * Wan }],
        });

    /// <summary>西区 八: strategic-resource project, 8% of total investment, cap 2500万.</summary>
    public static readonly MeasureTerms Xiqu8 = new("八、实施攀西战略资源创新开发重点项目",
        "单个项目按不超过总投资8%予以补助，最高补助2500万元", null, XiquUntil,
        new IncentiveRule
        {
            Kind = RuleKind.PercentOfBase, Base = Figure.TotalInvestment, Rate = 0.08m, Cap = 2500 * Wan,
            Conditions = [new() { Kind = ConditionKind.ProjectFlag, Flags = ["StrategicResource"] }],
        });

    /// <summary>安康 二: SME key equipment, 10% of the purchase, cap 500万.</summary>
    public static readonly MeasureTerms Ankang2 = new("二、加快工业项目建设力度（中小企业购置关键设备）",
        "对中小企业购置关键设备，按照不超过购置额的10%、最高给予500万元奖补", null, null,
        new IncentiveRule
        {
            Kind = RuleKind.PercentOfBase, Base = Figure.PurchaseAmount, Rate = 0.10m, Cap = 500 * Wan,
            Conditions = [new() { Kind = ConditionKind.Sme }],
        });

    /// <summary>安康 五: a one-time award the seed gives no amount for.</summary>
    public static readonly MeasureTerms Ankang5SingleChampion = new("五、首次认定的国家级单项冠军企业一次性奖励",
        "对首次认定的国家级单项冠军企业……给予一次性资金奖励", null, null,
        new IncentiveRule
        {
            Kind = RuleKind.FixedAward, Amount = null,
            Conditions = [new() { Kind = ConditionKind.Honour, Honour = "SingleChampion", HonourLevel = "National" }],
        });

    public static CaseFacts Project(decimal equipmentWan = 0, decimal totalWan = 0, decimal newOutputWan = 0, string[]? flags = null,
        bool onSchedule = true, string? category = null, decimal? purchaseWan = null, Core.Enterprises.SizeClass? size = null, DateOnly? on = null)
    {
        var figures = new Dictionary<Figure, decimal>();
        if (equipmentWan != 0) figures[Figure.EquipmentInvestment] = equipmentWan * Wan;
        if (totalWan != 0) figures[Figure.TotalInvestment] = totalWan * Wan;
        if (newOutputWan != 0) figures[Figure.NewOutputValue] = newOutputWan * Wan;
        if (purchaseWan is { } p) figures[Figure.PurchaseAmount] = p * Wan;
        return new CaseFacts
        {
            On = on ?? Today, ProjectFlags = (flags ?? ["ChainLeader"]).ToHashSet(), Figures = figures, Category = category, EnterpriseSize = size,
            PlannedCompletion = new DateOnly(2026, 3, 31), ActualCompletion = onSchedule ? new DateOnly(2026, 3, 20) : new DateOnly(2026, 4, 15),
        };
    }
}
