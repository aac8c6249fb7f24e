using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Chains;

/// <summary>An industrial ecosystem (产业生态圈 / 领域): a group of chains of one jurisdiction.</summary>
public sealed class Ecosystem : ScopedEntity
{
    public string Name { get; set; } = "";
    public int Ordinal { get; set; }
    public string? PackCode { get; set; }
}

/// <summary>
/// A key industrial chain (重点产业链). The chains-and-enterprises module adds nodes, chief, lead department and
/// localities; packs create the chains their seed names (never invented ones).
/// </summary>
public sealed class Chain : ScopedEntity
{
    public string Name { get; set; } = "";
    public Guid? EcosystemId { get; set; }
    public int Ordinal { get; set; }
    public string? PackCode { get; set; }

    /// <summary>链长: the leader (a user) responsible for the chain; deputies (副链长) likewise.</summary>
    public Guid? ChiefUserId { get; set; }
    public List<Guid> DeputyUserIds { get; set; } = [];
    /// <summary>牵头部门: the government unit that leads the chain's work.</summary>
    public Guid? LeadUnitId { get; set; }
    /// <summary>配合部门: the units that cooperate on the chain's work (黔江 1 "配合单位：各产业链配合部门").</summary>
    public List<Guid> CooperatingUnitIds { get; set; } = [];
    /// <summary>主要承载地 and 协同发展地: jurisdictions where the chain is mainly built / which support it.</summary>
    public List<Guid> HostJurisdictionIds { get; set; } = [];
    public List<Guid> CollaboratingJurisdictionIds { get; set; } = [];
}
