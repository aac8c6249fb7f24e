namespace Qianglian.Core.Enterprises;

public enum SizeClass { Large = 1, Medium = 2, Small = 3, Micro = 4 }

/// <summary>
/// 统计上大中小微型企业划分办法（2017）, industry (工业): large needs ≥ 1000 employees AND ≥ 4亿元 revenue; medium
/// ≥ 300 AND ≥ 2000万元; small ≥ 20 AND ≥ 300万元; anything else is micro. Both thresholds must be met for a class
/// ("以上" includes the number). Amounts in yuan.
/// </summary>
public static class EnterpriseSize
{
    public sealed record Threshold(SizeClass Class, int MinEmployees, decimal MinRevenue);

    public static readonly IReadOnlyList<Threshold> Industry =
    [
        new(SizeClass.Large, 1000, 400_000_000m),
        new(SizeClass.Medium, 300, 20_000_000m),
        new(SizeClass.Small, 20, 3_000_000m),
    ];

    public static SizeClass Classify(int employees, decimal revenue) =>
        Industry.FirstOrDefault(t => employees >= t.MinEmployees && revenue >= t.MinRevenue)?.Class ?? SizeClass.Micro;

    /// <summary>中小企业 (SME): medium, small or micro — what SME-only measures test.</summary>
    public static bool IsSme(SizeClass size) => size != SizeClass.Large;
}

/// <summary>
/// 规模以上工业企业: an industrial enterprise (GB/T 4754 sections B, C, D) whose annual main-business revenue is
/// 2000万元 or more.
/// </summary>
public static class AboveScale
{
    public const decimal RevenueThreshold = 20_000_000m;

    public static bool Is(bool industrial, decimal mainBusinessRevenue) => industrial && mainBusinessRevenue >= RevenueThreshold;
}
