namespace Qianglian.Web.Modules.Chains;

public sealed record ChainSummary(Guid Id, string Name, Guid? EcosystemId, string? EcosystemName, Guid JurisdictionId, string JurisdictionPath,
    int NodeCount, int EnterpriseCount, int Version);

public sealed record NodeView(Guid Id, Guid? ParentId, string Name, ChainStage Stage, NodeKind Kind, KeyFlags Keys, int Ordinal, int Version, decimal? Demand,
    IReadOnlyList<LinkView> Enterprises)
{
    public string? IndustryCode { get; init; }

    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);
}

public sealed record LinkView(Guid Id, Guid EnterpriseId, string EnterpriseName, ChainRole Role, EvidenceStrength Evidence, string? EvidenceNote, int Version);

public sealed record ChainView(Guid Id, string Name, Guid? EcosystemId, string? EcosystemName, Guid JurisdictionId, string JurisdictionPath, int Version,
    IReadOnlyList<NodeView> Nodes);

/// <param name="JurisdictionPath">Where the enterprise is registered.</param>
public sealed record MapEnterprise(Guid Id, string Name, ChainRole Role, EvidenceStrength Evidence, bool Local, bool AboveScale, decimal Output, string JurisdictionPath);

/// <summary>A node of the panorama map with its local strength and gap; its enterprises are read on demand (ReadNodeEnterprises).</summary>
public sealed record MapNode(Guid Id, Guid? ParentId, string Name, ChainStage Stage, NodeKind Kind, KeyFlags Keys, Core.Chains.NodeGap Gap);

public sealed record LeaderRate(Guid EnterpriseId, string Name, decimal? LocalSupportingRate, decimal Purchases);

/// <summary>The panorama map (全景图谱) of a chain for one year: nodes with their local strength and gaps, and each 链主's local supporting rate.</summary>
public sealed record ChainMap(Guid ChainId, string ChainName, int? Year, decimal ShortShare, IReadOnlyList<MapNode> Nodes, IReadOnlyList<LeaderRate> Leaders);

public sealed record KitItemView(Guid Id, string Name, int Ordinal, KitItemState State, string? Evidence, int Version);
public sealed record ListEntryView(Guid Id, ChainListKind Kind, string Title, string? Detail);
public sealed record NeedView(Guid Id, Guid NeedingEnterpriseId, string NeedingEnterprise, Guid? ProvidingEnterpriseId, string? ProvidingEnterprise,
    NeedKind Kind, string Description, NeedStatus Status, int Version);
public sealed record PersonRef(Guid Id, string Name);

/// <summary>A chain's working profile: chief and deputies, lead and cooperating departments, localities, working kit, 一链N清单, 协作需求表.</summary>
public sealed record ChainProfileView(Guid ChainId, int Version, PersonRef? Chief, IReadOnlyList<PersonRef> Deputies, PersonRef? LeadUnit,
    IReadOnlyList<PersonRef> Hosts, IReadOnlyList<PersonRef> Collaborating, string? KitName, int? KitDeclared,
    IReadOnlyList<KitItemView> Kit, IReadOnlyList<ListEntryView> Lists, IReadOnlyList<NeedView> Needs, IReadOnlyList<PersonRef> CooperatingUnits);
