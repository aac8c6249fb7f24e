using Qianglian.Core.Investment;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

/// <summary>
/// An attraction lead (招商线索) worked by a jurisdiction: 线索 → 接洽 → 考察 → 洽谈 → 签约 → 落地 (by conversion into a
/// project of the library), or dropped with a reason. Its stage changes only through <see cref="MoveLead"/>; every
/// change leaves a <see cref="LeadFollowUp"/>. Money in yuan.
/// </summary>
public sealed class Lead : ScopedEntity
{
    /// <summary>项目名称: what the investor would build; the converted project takes it.</summary>
    public string Name { get; set; } = "";
    public string InvestorName { get; set; } = "";
    public string? InvestorUscc { get; set; }
    public string? InvestorLocation { get; set; }
    public Guid? ChainId { get; set; }
    public Guid? NodeId { get; set; }
    public ProjectPurpose? Purpose { get; set; }
    public string? IndustryCode { get; set; }
    /// <summary>计划投资.</summary>
    public decimal PlannedInvestment { get; set; }
    public TargetSource? Source { get; set; }
    /// <summary>The pushed target it was opened from, if any.</summary>
    public Guid? TargetPushId { get; set; }
    /// <summary>特别重大、有突出带动作用 (安康 四): a 一事一议 package must be approved before signing.</summary>
    public bool Major { get; set; }
    /// <summary>工作专班.</summary>
    public string? TaskForce { get; set; }
    public string? ResponsibleLeader { get; set; }
    public string? Note { get; set; }
    public LeadStage Stage { get; set; } = LeadStage.Lead;
    public DateOnly OpenedOn { get; set; }
    /// <summary>The date of the latest stage change (or of opening).</summary>
    public DateOnly StageSince { get; set; }
    public DateOnly? SignedOn { get; set; }
    public string? DropReason { get; set; }
    public Guid? ProjectId { get; set; }
    public DateOnly? ConvertedOn { get; set; }
}

/// <summary>A follow-up record (跟进记录) of a lead: a visit, a call, a meeting — or a stage change, which writes one itself.</summary>
public sealed class LeadFollowUp : ScopedEntity
{
    public Guid LeadId { get; set; }
    public DateOnly On { get; set; }
    public string Note { get; set; } = "";
    public LeadStage? From { get; set; }
    public LeadStage? To { get; set; }
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The 一事一议 package (政策包) of a major investor's lead: the negotiated terms, drafted by the attraction team,
/// submitted, and approved or rejected by a role that may approve deals (<see cref="Auth.Permission.ApproveDeals"/>).
/// </summary>
public sealed class DealPackage : ScopedEntity
{
    public Guid LeadId { get; set; }
    public string Terms { get; set; } = "";
    /// <summary>The package's estimated value (yuan), if the terms can be priced.</summary>
    public decimal? EstimatedValue { get; set; }
    public DealStatus Status { get; set; } = DealStatus.Draft;
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>
/// 到位资金: investment that actually arrived for a project in a month (yuan). Kept here, by the attraction team,
/// rather than in the monthly dispatch report: it is money received from the investor, not investment completed
/// on site, and it is recorded for introduced projects from signing on, before construction reports begin.
/// Scoped to the project's jurisdiction.
/// </summary>
public sealed class FundsInPlace : ScopedEntity
{
    public Guid ProjectId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
}
