namespace Qianglian.Core.Quotas;

/// <summary>
/// The elements a chain's quota ledger pools. 攀枝花 二: “链长牵头对全市工业用地、优惠电量、排污及能耗指标进行统筹调剂”
/// (the chain chief pools and re-allocates the city's industrial land, preferential power, pollutant-discharge and
/// energy-use quotas); 西区 五 要素保障: “针对专项供电方案、用地指标保障、能耗指标分配……等关键要素开展专项研究”.
/// Neither document lists the pollutants; the discharge quota is split into the four pollutants China's total-amount
/// control (主要污染物总量控制: 化学需氧量、氨氮、二氧化硫、氮氧化物) allocates, so each is a pool of its own.
/// Stored by name: never renumber.
/// </summary>
public enum QuotaElement
{
    /// <summary>工业用地指标, in 亩.</summary>
    Land,
    /// <summary>能耗指标 (energy use), in 吨标准煤.</summary>
    Energy,
    /// <summary>排污指标: 化学需氧量 (COD), in 吨.</summary>
    ChemicalOxygenDemand,
    /// <summary>排污指标: 氨氮, in 吨.</summary>
    AmmoniaNitrogen,
    /// <summary>排污指标: 二氧化硫, in 吨.</summary>
    SulphurDioxide,
    /// <summary>排污指标: 氮氧化物, in 吨.</summary>
    NitrogenOxides,
    /// <summary>优惠电量 (power), in 万千瓦时.</summary>
    Power,
}

/// <summary>The one unit each element is kept in, and its name, for refusals and exports.</summary>
public static class QuotaElements
{
    public static readonly IReadOnlyList<QuotaElement> All = Enum.GetValues<QuotaElement>();

    /// <summary>One unit per element: land in 亩 (the unit of the project library's land and of 亩均论英雄), energy in 吨标准煤 (the unit of
    /// 能耗双控), the pollutants in 吨 (the unit of 总量控制 permits), power in 万千瓦时 (the unit 优惠电量 is granted in).</summary>
    public static string Unit(QuotaElement element) => element switch
    {
        QuotaElement.Land => "亩",
        QuotaElement.Energy => "吨标准煤",
        QuotaElement.Power => "万千瓦时",
        _ => "吨",
    };

    public static string Name(QuotaElement element) => element switch
    {
        QuotaElement.Land => "工业用地指标",
        QuotaElement.Energy => "能耗指标",
        QuotaElement.ChemicalOxygenDemand => "化学需氧量排放指标",
        QuotaElement.AmmoniaNitrogen => "氨氮排放指标",
        QuotaElement.SulphurDioxide => "二氧化硫排放指标",
        QuotaElement.NitrogenOxides => "氮氧化物排放指标",
        QuotaElement.Power => "优惠电量",
        _ => element.ToString(),
    };

    /// <summary>"12.5亩", "300吨标准煤".</summary>
    public static string Amount(decimal amount, QuotaElement element) => $"{amount.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}{Unit(element)}";
}
