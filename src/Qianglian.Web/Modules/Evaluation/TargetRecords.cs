using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>The kinds of event the packs' targets count (达州 （五） 产业发展（推介）大会) or their measures name (集中开工, 观摩).</summary>
public enum IndustryEventKind { IndustryConference = 1, GroupGroundbreaking = 2, SiteObservation = 3 }

/// <summary>
/// An event the office records: an industry conference of a domain (产业领域), a 集中开工 ceremony, an 观摩 tour. It is
/// kept at the jurisdiction that held it.
/// </summary>
public sealed class IndustryEvent : ScopedEntity
{
    public IndustryEventKind Kind { get; set; }
    public string Name { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    /// <summary>The domain (产业领域, an ecosystem) the event was held for, when it was for one.</summary>
    public Guid? EcosystemId { get; set; }
    public string? Place { get; set; }
    public string? Notes { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// The yearly figures no enterprise row carries, entered by the office for its jurisdiction (or a county of it).
/// Each names the unit it is measured in and, where the figure is per industry, the industry (首位产业).
/// </summary>
public enum StatisticKind
{
    IndustrialIndexCityRank = 1,    // 工业经济运行综合指数全市排位（位）
    IndustrialIndexRegionRank = 2,  // 工业经济运行综合指数渝东南排位（位）
    IndustrialLoanShare = 3,        // 工业贷款占全部贷款的比重（%）
    IndustrialLandShare = 4,        // 年度出让土地总量中工业用地比例（%）
    StandardFactoryReserve = 5,     // 动态储备标准化厂房面积（万平方米）
    LeadingIndustryOutput = 6,      // 首位工业产业产值（亿元）
}

/// <summary>
/// One yearly jurisdiction statistic with where it comes from: the source as written (e.g. 市统计局《2025年全市工业经济运行
/// 综合指数通报》) and an attached copy of it.
/// </summary>
public sealed class JurisdictionStatistic : ScopedEntity
{
    public StatisticKind Kind { get; set; }
    public int Year { get; set; }
    /// <summary>The industry of a per-industry figure (首位产业); empty otherwise.</summary>
    public string Subject { get; set; } = "";
    public decimal Value { get; set; }
    public string Source { get; set; } = "";
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    [AuditMasked] public byte[]? AttachmentContent { get; set; }
    public string? AttachmentSha256 { get; set; }
    public string RecordedBy { get; set; } = "";
}
