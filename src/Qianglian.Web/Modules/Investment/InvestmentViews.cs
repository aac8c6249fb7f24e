using Qianglian.Core.Investment;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Investment;

public sealed record PushView(Guid Id, Guid JurisdictionId, string JurisdictionPath, string Locality, PushStatus Status, string? ReturnReason,
    string PushedBy, DateTimeOffset PushedAt, string? AnsweredBy, DateTimeOffset? AnsweredAt, Guid? LeadId, int Version);

public sealed record TargetView(Guid Id, Guid JurisdictionId, string JurisdictionPath, Guid ChainId, string ChainName, Guid NodeId, string NodeName,
    string EnterpriseName, string? Uscc, string? Location, string? IndustryCode, TargetPurpose Purpose, TargetSource Source, TargetPriority Priority,
    string? Note, int Version, IReadOnlyList<PushView> Pushes)
{
    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);
}

/// <summary>A target as the receiving locality sees it (its own row).</summary>
public sealed record ReceivedTargetView(Guid Id, Guid JurisdictionId, string JurisdictionPath, string Locality, string From, Guid TargetId,
    string ChainName, string NodeName, string EnterpriseName, string? Uscc, string? Location, string? IndustryCode, TargetPurpose Purpose,
    TargetSource Source, TargetPriority Priority, string? Note, PushStatus Status, string? ReturnReason, string PushedBy, DateTimeOffset PushedAt,
    string? AnsweredBy, DateTimeOffset? AnsweredAt, Guid? LeadId, int Version)
{
    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);
}

public sealed record LeadView(Guid Id, Guid JurisdictionId, string JurisdictionPath, string? Jurisdiction, string Name, string InvestorName,
    string? InvestorUscc, string? InvestorLocation, Guid? ChainId, string? ChainName, Guid? NodeId, string? NodeName, ProjectPurpose? Purpose,
    string? IndustryCode, decimal PlannedInvestment, TargetSource? Source, Guid? TargetPushId, bool Major, string? TaskForce, string? ResponsibleLeader,
    string? Note, LeadStage Stage, DateOnly OpenedOn, DateOnly StageSince, DateOnly? SignedOn, string? DropReason, Guid? ProjectId, DateOnly? ConvertedOn,
    Core.Investment.DealStatus Deal, int Version)
{
    /// <summary>The industry as GB/T 4754-2017 names it, e.g. "C2614 有机化学原料制造" (shown on screen and in exports).</summary>
    public string? IndustryLabel => Core.Enterprises.IndustryCode.Label(IndustryCode);
}

public sealed record LeadPage(IReadOnlyList<LeadView> Items, int Total);

public sealed record FollowUpView(Guid Id, DateOnly On, string Note, LeadStage? From, LeadStage? To, string By, DateTimeOffset At);

public sealed record DealView(Guid Id, string Terms, decimal? EstimatedValue, Core.Investment.DealStatus Status, string? SubmittedBy, DateTimeOffset? SubmittedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record LeadDetail(LeadView Lead, IReadOnlyList<FollowUpView> FollowUps, DealView? Deal, IReadOnlyList<LeadStage> NextStages, string? ProjectName);

public sealed record FundsView(Guid Id, Guid ProjectId, string ProjectName, Guid JurisdictionId, string JurisdictionPath, int Year, int Month, decimal Amount,
    string? Note, int Version);
