using Qianglian.Core.Investment;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// An entry of a chain's target list (招商目标企业清单): an enterprise outside the jurisdiction to attract for a node,
/// with purpose, source and priority. Kept in the chain's jurisdiction; pushing it to the chain's localities gives
/// each a <see cref="TargetPush"/> of its own.
/// </summary>
public sealed class TargetEnterprise : ScopedEntity
{
    public Guid ChainId { get; set; }
    public Guid NodeId { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string? Uscc { get; set; }
    /// <summary>Where the target is (省市, or abroad).</summary>
    public string? Location { get; set; }
    public string? IndustryCode { get; set; }
    public TargetPurpose Purpose { get; set; }
    public TargetSource Source { get; set; }
    public TargetPriority Priority { get; set; } = TargetPriority.Medium;
    public string? Note { get; set; }
}

/// <summary>
/// A target pushed to a host or collaborating locality (推送给主要承载地和协同发展地): a row in the receiving
/// jurisdiction, so its users see it through the ordinary scope, with the entry's content as pushed (the locality
/// may not see the chain's own jurisdiction). The locality accepts it (and may open a lead from it) or returns it
/// with a reason; the pushing jurisdiction sees the answer, the row lying in its subtree.
/// </summary>
public sealed class TargetPush : ScopedEntity
{
    public Guid TargetId { get; set; }
    public Guid ChainId { get; set; }
    public Guid NodeId { get; set; }
    public string ChainName { get; set; } = "";
    public string NodeName { get; set; } = "";
    public Guid FromJurisdictionId { get; set; }
    public string EnterpriseName { get; set; } = "";
    public string? Uscc { get; set; }
    public string? Location { get; set; }
    public string? IndustryCode { get; set; }
    public TargetPurpose Purpose { get; set; }
    public TargetSource Source { get; set; }
    public TargetPriority Priority { get; set; }
    public string? Note { get; set; }
    public PushStatus Status { get; set; } = PushStatus.Pending;
    public string PushedBy { get; set; } = "";
    public DateTimeOffset PushedAt { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? ReturnReason { get; set; }
    /// <summary>The lead the locality opened from it.</summary>
    public Guid? LeadId { get; set; }

    public void CopyFrom(TargetEnterprise t)
    {
        (ChainId, NodeId, FromJurisdictionId, EnterpriseName, Uscc, Location) = (t.ChainId, t.NodeId, t.JurisdictionId, t.EnterpriseName, t.Uscc, t.Location);
        (IndustryCode, Purpose, Source, Priority, Note) = (t.IndustryCode, t.Purpose, t.Source, t.Priority, t.Note);
    }
}
