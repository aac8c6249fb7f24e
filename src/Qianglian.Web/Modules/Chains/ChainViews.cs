namespace Qianglian.Web.Modules.Chains;

public sealed record ChainSummary(Guid Id, string Name, Guid? EcosystemId, string? EcosystemName, Guid JurisdictionId, string JurisdictionPath,
    int NodeCount, int EnterpriseCount, int Version);

public sealed record NodeView(Guid Id, Guid? ParentId, string Name, ChainStage Stage, NodeKind Kind, KeyFlags Keys, int Ordinal, int Version,
    IReadOnlyList<LinkView> Enterprises);

public sealed record LinkView(Guid Id, Guid EnterpriseId, string EnterpriseName, ChainRole Role, EvidenceStrength Evidence, string? EvidenceNote, int Version);

public sealed record ChainView(Guid Id, string Name, Guid? EcosystemId, string? EcosystemName, Guid JurisdictionId, string JurisdictionPath, int Version,
    IReadOnlyList<NodeView> Nodes);
