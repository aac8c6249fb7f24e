using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>谋划储备 → 签约 → 开工 → 竣工投产 → 达产增效, or 终止/退出.</summary>
public enum ProjectStage { Reserve = 1, Signed = 2, Started = 3, Completed = 4, AtCapacity = 5, Terminated = 9 }

/// <summary>What the project does for its chain: 延链 / 补链 / 强链 / 建新.</summary>
public enum ProjectPurpose { Extend = 1, Fill = 2, Strengthen = 3, New = 4 }

/// <summary>新建 / 扩建 / 技术改造 / 智改数转 / 其他.</summary>
public enum ProjectKind { New = 1, Expansion = 2, TechRenovation = 3, IntelligentDigital = 4, Other = 9 }

/// <summary>The lists and labels a project carries; the incentive rules test several of them.</summary>
[Flags]
public enum ProjectFlags
{
    None = 0,
    ProvincialKey = 1,        // 省重点项目
    CityKey = 2,              // 市重点项目
    ChainLeader = 4,          // 链主项目
    MajorLeading = 8,         // 重大带动引领项目
    StrategicResource = 16,   // 攀西战略资源创新开发（西区 措施八）
    StandardLand = 32,        // 标准地
}

/// <summary>
/// A project of the key-project library (重点项目库). The enterprise is optional: a reserve project may have no
/// investor yet; once it has one, that enterprise's users see it. Money in yuan.
/// </summary>
public sealed class Project : ScopedEntity, IEnterpriseOwned
{
    public string Name { get; set; } = "";
    public Guid? EnterpriseId { get; set; }
    public Guid? ChainId { get; set; }
    public Guid? NodeId { get; set; }
    public ProjectPurpose? Purpose { get; set; }
    public ProjectKind Kind { get; set; } = ProjectKind.New;
    public ProjectStage Stage { get; set; } = ProjectStage.Reserve;
    public ProjectFlags Flags { get; set; }
    public decimal TotalInvestment { get; set; }
    /// <summary>设备（含软件）投资: the base of the equipment subsidies.</summary>
    public decimal EquipmentInvestment { get; set; }
    /// <summary>新增生产规模: the yearly output value the project adds at full production.</summary>
    public decimal NewOutputValue { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedCompletion { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualCompletion { get; set; }
    public string? Description { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;

    /// <summary>如期建成投产: completed, and no later than planned.</summary>
    public bool CompletedOnSchedule =>
        ActualCompletion is { } actual && PlannedCompletion is { } planned && actual <= planned;
}
