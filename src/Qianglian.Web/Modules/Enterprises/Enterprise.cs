using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Enterprises;

public enum ListingStatus { None = 0, Reserve = 1, Counselling = 2, Filing = 3, Listed = 4 }   // 上市后备 / 辅导 / 申报 / 上市

/// <summary>
/// An enterprise of the registry, keyed by its 统一社会信用代码 (checked by GB 32100-2015). Size class and above-scale
/// status are not stored: they are computed from the year's facts by Core's rules.
/// </summary>
[OwnedBy(nameof(Id))]
public sealed class Enterprise : ScopedEntity, IEnterpriseOwned
{
    public string Uscc { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The park (园区) it sits in, a jurisdiction of level park within its own subtree, if any.</summary>
    public Guid? ParkId { get; set; }
    public string? Address { get; set; }
    /// <summary>GB/T 4754-2017 code, digits only (e.g. 3130); the section follows from the division.</summary>
    public string? IndustryCode { get; set; }
    public ListingStatus Listing { get; set; }
    /// <summary>上云: the enterprise runs its systems on a cloud platform.</summary>
    public bool CloudAdopted { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => Id;
}

/// <summary>One year's facts of an enterprise, as the statistics report them. Money in yuan.</summary>
public sealed class EnterpriseYearFact : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public int Year { get; set; }
    /// <summary>营业收入 (main-business revenue): the above-scale and size-class rules use it.</summary>
    public decimal Revenue { get; set; }
    public decimal OutputValue { get; set; }
    public decimal ValueAdded { get; set; }
    public decimal Profit { get; set; }
    public decimal TaxPaid { get; set; }
    public int Employees { get; set; }
    public decimal RdSpend { get; set; }
    public int InventionPatents { get; set; }
    /// <summary>Comprehensive energy use, tonnes of standard coal equivalent (吨标准煤).</summary>
    public decimal EnergyTce { get; set; }
    public decimal ElectricityKwh { get; set; }
    /// <summary>Main pollutant emissions, tonnes.</summary>
    public decimal EmissionsTonnes { get; set; }
    /// <summary>Land used, 亩 (666.7 m²).</summary>
    public decimal LandMu { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

public enum HonourKind
{
    InnovativeSme = 1,     // 创新型中小企业
    SrdiSme = 2,           // 专精特新中小企业
    LittleGiant = 3,       // 专精特新"小巨人"
    SingleChampion = 4,    // 制造业单项冠军
    Navigator = 5,         // 领航企业
    HighTech = 6,          // 高新技术企业
    HiddenChampion = 7,    // 隐形冠军
    // The recognitions the packs' targets count (issue 14 item 4): 达州 省级“链主”; 黔江 2025 智能化、绿色、研发机构 targets;
    // 安康 七 “揭榜挂帅” recommendations; and 国家科技型中小企业, which the registry keeps beside them.
    ChainLeader = 8,             // “链主”企业
    SmartFactory = 9,            // 智能工厂（创新示范智能工厂）
    DigitalWorkshop = 10,        // 数字化车间
    FiveGIndustrialInternet = 11, // “5G+工业互联网”新场景示范项目
    GreenFactory = 12,           // 绿色工厂
    WaterSavingEnterprise = 13,  // 节水型企业
    WaterEfficiencyLeader = 14,  // 水效领跑者
    TechCenter = 15,             // 企业技术中心
    SmeRdCenter = 16,            // 中小企业研发中心
    InnovationDemo = 17,         // 技术创新示范企业
    TechSme = 18,                // 科技型中小企业
    JiebangProject = 19,         // “揭榜挂帅”产业化应用项目（推荐入省级清单）
    // Held by a park or a cluster, not an enterprise: the registry names the holder.
    GreenPark = 20,              // 绿色园区
    AdvancedManufacturingCluster = 21, // 先进制造业集群
}

public enum HonourLevel { National = 1, Provincial = 2, Municipal = 3 }

/// <summary>
/// An honour actually granted, with its level, year and the document that grants it (the honours registry). Most are
/// held by an enterprise; a green park or an advanced manufacturing cluster is held by the park or cluster the
/// document names (<see cref="HolderName"/>), kept at the jurisdiction it belongs to.
/// </summary>
public sealed class EnterpriseHonour : ScopedEntity, IEnterpriseOwned
{
    /// <summary>The enterprise honoured; null for a park's or a cluster's recognition.</summary>
    public Guid? EnterpriseId { get; set; }
    /// <summary>The park or cluster honoured, as the document names it (only when no enterprise holds it).</summary>
    public string? HolderName { get; set; }
    public HonourKind Kind { get; set; }
    public HonourLevel Level { get; set; }
    public int Year { get; set; }
    /// <summary>The granting document's number (文号), e.g. 渝经信发〔2024〕12号.</summary>
    public string? DocumentNumber { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
