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
}
