using Qianglian.Core.Incentives;

namespace Qianglian.Web.Modules.Incentives;

/// <param name="CalendarMissingYears">The current stage counts working days and its due date runs through years whose
/// holiday arrangement is not entered: those were counted on weekends alone (该年度节假日安排未录入，按周末计算).</param>
public sealed record ApplicationSummary(
    Guid Id, string Number, Guid JurisdictionId, string JurisdictionPath, Guid MeasureId, string MeasureTitle, Guid? ProjectId,
    string? ProjectName, Guid EnterpriseId, string EnterpriseName, string State, string StateName, ApplicationOrigin Origin,
    bool Eligible, decimal? Ceiling, bool AmountToBeSet, decimal? ApprovedAmount, decimal PaidAmount, DateOnly? StageDueOn,
    int DaysOverdue, DateTimeOffset? SubmittedAt, int Version, IReadOnlyList<int> CalendarMissingYears)
{
    public bool Overdue => DaysOverdue > 0;
}

public sealed record ChecklistStatus(int Number, string Name, bool Required, IReadOnlyList<string> Alternatives, IReadOnlyList<FileView> Files)
{
    public bool Missing => Required && Files.Count == 0;
}

public sealed record FileView(Guid Id, int ChecklistNumber, string? Alternative, string FileName, UploadKind Kind, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record EventView(string Stage, string StageName, ApplicationAction Action, string UserName, string? UnitName, DateTimeOffset At, string? Text, decimal? Amount);

public sealed record PaymentView(Guid Id, int Instalment, decimal Amount, DateOnly PaidOn, string Voucher, string RecordedBy);

/// <summary>A stage of the application's workflow, with whether it is done, current, and who acts on it.</summary>
/// <param name="WorkingDays">The deadline counts working days on the holiday calendar (else calendar days).</param>
public sealed record StageView(string Key, string Name, StageKind Kind, string Actor, int DeadlineDays, bool WorkingDays, bool Current, bool Done, IReadOnlyList<string> Opinions);

/// <summary>What the caller may do now (the page shows these buttons; the operations check again).</summary>
public sealed record AllowedActions(bool Edit, bool Submit, bool Pass, bool Return, bool Reject, bool Opinion, bool Approve, bool Pay, string? Waiting);

/// <param name="ChecklistDefaultBasis">When no document prescribes the checklist, the basis of the platform's (安康).</param>
/// <param name="StagesDefaultBasis">When the stage deadlines are the platform's, their basis (西区 十 sets none).</param>
public sealed record ApplicationDetail(
    ApplicationSummary Summary, string? MeasureClause, IncentiveSubject Subject, string? Category, IReadOnlyList<string> Categories,
    decimal? PurchaseAmount, decimal? LoanPrincipal, decimal? LoanRate, int? LoanDays, IReadOnlyList<string> Attested, IReadOnlyList<string> AttestOptions,
    string? Note, Explanation? Explanation, IReadOnlyList<ChecklistStatus> Checklist, IReadOnlyList<StageView> Stages,
    IReadOnlyList<EventView> Events, IReadOnlyList<PaymentView> Payments, IReadOnlyList<string> PendingOpinions,
    PaymentMethod? PaymentMethod, int? Instalments, DateOnly? ApprovedOn, string? BudgetOverrideReason, string? Reason,
    string? Budget, AllowedActions Actions, string? ChecklistDefaultBasis, string? StagesDefaultBasis);
