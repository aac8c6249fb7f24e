using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

public enum PostKind { Supply = 1, Demand = 2 }
public enum PostStatus { Open = 0, Closed = 1 }
public enum MatchStatus { Proposed = 0, Contacted = 1, Deal = 2, NoDeal = 3 }

/// <summary>
/// A supply or a demand an enterprise publishes (供需对接, 达州 （五）、黔江 18), by chain node and product. Published:
/// every enterprise of the jurisdiction reads it, only its own enterprise changes it. A 链主's demand is marked, and
/// a local supplier answers it with a supply that names it.
/// </summary>
[PublishedToEnterprises]
public sealed class SupplyDemandPost : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public PostKind Kind { get; set; }
    public Guid? ChainId { get; set; }
    public Guid? NodeId { get; set; }
    public string Product { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>The product text's words (Chinese word segmentation), space-separated, kept for matching.</summary>
    public string Keywords { get; set; } = "";
    /// <summary>A demand of an enterprise that is 链主 on the chain: local suppliers are asked to answer it.</summary>
    public bool ChainLeaderNeed { get; set; }
    /// <summary>The 链主 demand this supply answers.</summary>
    public Guid? AnswersPostId { get; set; }
    public PostStatus Status { get; set; }
    public DateTimeOffset PostedAt { get; set; }
    public string PostedBy { get; set; } = "";

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A match between a demand and a supply, and its outcome (deal and amount), recorded by the officials who broker it.</summary>
public sealed class SupplyDemandMatch : ScopedEntity
{
    public Guid DemandPostId { get; set; }
    public Guid SupplyPostId { get; set; }
    public Guid? ChainId { get; set; }
    public decimal Score { get; set; }
    public MatchStatus Status { get; set; }
    /// <summary>Contract amount in yuan, for a deal.</summary>
    public decimal? Amount { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
}
