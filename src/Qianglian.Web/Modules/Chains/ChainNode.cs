using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

public enum ChainStage { Upstream = 1, Midstream = 2, Downstream = 3, Service = 4 }

public enum NodeKind { Material = 1, Component = 2, Product = 3, Equipment = 4, Technology = 5, Service = 6 }

/// <summary>The six keys (六个"关键") a node can be marked with.</summary>
[Flags]
public enum KeyFlags
{
    None = 0,
    KeyEnterprise = 1,   // 关键企业
    KeyProduct = 2,      // 关键产品
    KeyPark = 4,         // 关键园区
    KeyTechnology = 8,   // 关键技术
    KeyTeam = 16,        // 关键团队
    KeyProject = 32,     // 关键项目
}

/// <summary>A segment (环节) of a chain: a tree per chain, each node with its stage, kind and key flags.</summary>
public sealed class ChainNode : ScopedEntity
{
    public Guid ChainId { get; set; }
    public Guid? ParentId { get; set; }
    public string Name { get; set; } = "";
    public ChainStage Stage { get; set; }
    public NodeKind Kind { get; set; }
    public KeyFlags Keys { get; set; }
    public int Ordinal { get; set; }
    /// <summary>The chain's demand for this node (yuan a year), set by the lead department; the short-chain test uses it.</summary>
    public decimal? Demand { get; set; }
    /// <summary>GB/T 4754-2017 code of the node's industry (digits, as enterprises store it): which industry attracting this node means.</summary>
    public string? IndustryCode { get; set; }
}

public enum ChainRole { ChainLeader = 1, ChainMember = 2, Supporting = 3 }       // 链主 / 链属 / 配套

public enum EvidenceStrength { Confirmed = 1, Probable = 2, Rejected = 3 }

/// <summary>
/// An enterprise on a chain node, with its role and how sure we are. Scoped to the enterprise's jurisdiction, so
/// a county sees its enterprises' links and the chain's city sees all of them.
/// </summary>
public sealed class EnterpriseNodeLink : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public Guid ChainId { get; set; }
    public Guid NodeId { get; set; }
    public ChainRole Role { get; set; }
    public EvidenceStrength Evidence { get; set; }
    public string? EvidenceNote { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>
/// A supplier → customer relationship of a year (供应链): the customer buys a product (on a node, when known) for an
/// amount. Scoped to the customer's jurisdiction; the supplier may be anywhere but must be in the registry.
/// </summary>
[OwnedBy(nameof(CustomerId))]
public sealed class SupplyLink : ScopedEntity, IEnterpriseOwned
{
    public Guid SupplierId { get; set; }
    public Guid CustomerId { get; set; }
    public Guid? NodeId { get; set; }
    public string Product { get; set; } = "";
    public int Year { get; set; }
    public decimal Amount { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => CustomerId;
}

/// <summary>The gap thresholds a jurisdiction sets for its chains (none set: the defaults, or an ancestor's).</summary>
public sealed class GapSettings : ScopedEntity, IInheritedConfiguration
{
    public decimal ShortShare { get; set; } = Core.Chains.GapThresholds.Default.ShortShare;
}
