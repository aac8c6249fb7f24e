using Qianglian.Core.Supervision;

namespace Qianglian.Web.Modules.Supervision;

/// <param name="Handler">The unit handling it now, or the chain chief's name at that level.</param>
public sealed record ProblemRow(Guid Id, string Title, Guid EnterpriseId, string Enterprise, Guid? ChainId, string? Chain, ProblemCategory Category,
    ProblemSource Source, ProblemStatus Status, EscalationLevel Level, string? Handler, DateTimeOffset FiledAt, DateTimeOffset DueAt,
    bool Overdue, bool DueSoon, Satisfaction? Rating, string JurisdictionPath, int Version);

public sealed record ProblemStepView(DateTimeOffset At, ProblemStepKind Kind, EscalationLevel Level, EscalationReason? Reason, string? Unit, string Actor, string? Note);

public sealed record AttachmentView(Guid Id, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedBy);

/// <param name="CanHandle">The caller handles it at its current level (re-route, escalate, resolve).</param>
/// <param name="CanRate">The caller is the enterprise and a resolution awaits its confirmation.</param>
/// <param name="NextLevel">The rung it would go up to (null: it is at the top of its jurisdiction's ladder).</param>
/// <param name="CanSteer">The caller may pull the office's levers on it (改派, 督办): the office, or the chain's chief and deputies, while it is open.</param>
public sealed record ProblemDetail(ProblemRow Row, string Description, string? SourceReference, string FiledBy, string? FirstUnit, string? Resolution,
    DateTimeOffset? ResolvedAt, string? RatingComment, DateTimeOffset? ClosedAt, bool ClosedOnTime, int ReopenCount,
    IReadOnlyList<ProblemStepView> Steps, IReadOnlyList<AttachmentView> Attachments, bool CanHandle, bool CanRate, EscalationLevel? NextLevel,
    bool CanSteer = false);

public sealed record ProblemPage(IReadOnlyList<ProblemRow> Items, int Total);

/// <param name="Key">The unit's or chain's id (null: none).</param>
public sealed record FiguresRow(Guid? Key, string Name, int Total, int Closed, int ClosedOnTime, decimal? OnTimeRate, int Escalated,
    decimal? EscalationRate, int Rated, decimal? SatisfactionRate);

public sealed record ProblemFiguresView(FiguresRow All, IReadOnlyList<FiguresRow> ByUnit, IReadOnlyList<FiguresRow> ByChain);
