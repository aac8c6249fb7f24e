using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>Standing data of an enterprise the registry does not hold and the gradient and grading rules need.</summary>
public sealed class CultivationProfile : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    /// <summary>投产日期: under two years in production is exempt from per-mu grading.</summary>
    public DateOnly? ProductionStartedOn { get; set; }
    /// <summary>The year it entered its niche market (从事特定细分市场).</summary>
    public int? NicheSinceYear { get; set; }
    public bool StrategicEmerging { get; set; }
    /// <summary>0 none, 1 below city, 2 city, 3 provincial, 4 national.</summary>
    public int RdInstitutionLevel { get; set; }
    public bool MajorProjectUnderConstruction { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A year's supplementary figures for the 专精特新 rules (money in yuan).</summary>
public sealed class CultivationYear : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    public decimal? MainBusinessRevenue { get; set; }
    public decimal? TotalAssets { get; set; }
    public decimal? TotalLiabilities { get; set; }
    public int? RdStaff { get; set; }
    public int? HighValueIp { get; set; }
    public int? OwnClassOneIp { get; set; }
    public int? ClassOneIp { get; set; }
    public int? ClassTwoIp { get; set; }
    public decimal? EquityFinancing2y { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>
/// A reviewer's score (定性评价) of an enterprise for a year, read by models as <c>expert:&lt;Key&gt;</c>; per chain
/// when the evaluation is (a chain leader is scored for its chain).
/// </summary>
public sealed class ExpertScore : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public Guid? ChainId { get; set; }
    public int Year { get; set; }
    public string Key { get; set; } = "";
    public decimal Score { get; set; }
    public string Reviewer { get; set; } = "";
    public string? Note { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
