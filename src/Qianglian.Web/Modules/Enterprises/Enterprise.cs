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
}

public enum HonourLevel { National = 1, Provincial = 2, Municipal = 3 }

/// <summary>An honour actually granted, with its level and year.</summary>
public sealed class EnterpriseHonour : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public HonourKind Kind { get; set; }
    public HonourLevel Level { get; set; }
    public int Year { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
