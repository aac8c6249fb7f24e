using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

public enum KitItemState { NotStarted = 0, InProgress = 1, Done = 2 }

/// <summary>
/// One item of a chain's working kit (五个一 / 六个一 / 八个一: 一个链长、一个工作专班、一个工作方案 …) with its state and
/// the evidence that it exists (the task force's members, the work plan's document number …).
/// </summary>
public sealed class ChainKitItem : ScopedEntity
{
    public Guid ChainId { get; set; }
    public string Name { get; set; } = "";
    public int Ordinal { get; set; }
    public KitItemState State { get; set; }
    public string? Evidence { get; set; }
}

/// <summary>The lists of 一链N清单.</summary>
public enum ChainListKind { TechnologyRoute = 1, IndustrialLayout = 2, EnterpriseCultivation = 3, KeyPlatform = 4, ApplicationScenario = 5 }

/// <summary>An entry of one of the chain's lists (技术路线、产业布局、企业培育、关键平台、应用场景).</summary>
public sealed class ChainListEntry : ScopedEntity
{
    public Guid ChainId { get; set; }
    public ChainListKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Detail { get; set; }
    public int Ordinal { get; set; }
}

public enum NeedKind { Supply = 1, Technology = 2, Capacity = 3, Other = 4 }

public enum NeedStatus { Open = 0, Matched = 1, Closed = 2 }

/// <summary>A row of the chain's 协作需求表: what an enterprise needs, from whom when known.</summary>
public sealed class CollaborationNeed : ScopedEntity
{
    public Guid ChainId { get; set; }
    public Guid NeedingEnterpriseId { get; set; }
    public Guid? ProvidingEnterpriseId { get; set; }
    public NeedKind Kind { get; set; }
    public string Description { get; set; } = "";
    public NeedStatus Status { get; set; }
}
