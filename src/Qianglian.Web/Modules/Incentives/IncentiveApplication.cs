using Qianglian.Core.Incentives;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>How an application came to be: the enterprise applied, an operator applied on its behalf, or the office
/// pushed it as likely eligible (免申即享) for the enterprise to confirm.</summary>
public enum ApplicationOrigin { Enterprise = 1, Operator = 2, Proactive = 3 }

public enum PaymentMethod { LumpSum = 1, Instalments = 2 }

/// <summary>
/// An application (申报) for one measure, for a project (or, for enterprise awards, for the enterprise). Its state is
/// a stage key of the measure's workflow or draft/returned/rejected/archived. Money in yuan.
/// </summary>
public sealed class IncentiveApplication : ScopedEntity, IEnterpriseOwned
{
    /// <summary>Readable number, e.g. 2026-0007, unique in the jurisdiction.</summary>
    public string Number { get; set; } = "";
    public Guid MeasureId { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid EnterpriseId { get; set; }
    /// <summary>The project's chain: its chief convenes the special study.</summary>
    public Guid? ChainId { get; set; }
    public ApplicationOrigin Origin { get; set; }
    public string State { get; set; } = WorkflowDefinition.Draft;
    /// <summary>When the application entered its current stage; the stage's deadline runs from here.</summary>
    public DateTimeOffset StageEnteredAt { get; set; }
    public DateOnly? StageDueOn { get; set; }
    /// <summary>How many times it was submitted: a return sends the file round again, and opinions count per round.</summary>
    public int Round { get; set; }

    // What the applicant declares beyond the project record.
    /// <summary>RateByCategory: the category (改造方向) chosen from the measure's list.</summary>
    public string? Category { get; set; }
    public decimal? PurchaseAmount { get; set; }
    public decimal? LoanPrincipal { get; set; }
    public decimal? LoanRate { get; set; }
    public int? LoanDays { get; set; }
    public List<string> Attested { get; set; } = [];
    public string? Note { get; set; }

    /// <summary>The ceiling as last computed (at submission and at every stage), with its explanation.</summary>
    public decimal? Ceiling { get; set; }
    public bool Eligible { get; set; }
    public bool AmountToBeSet { get; set; }
    public string ExplanationJson { get; set; } = "null";

    public decimal? ApprovedAmount { get; set; }
    public PaymentMethod? PaymentMethod { get; set; }
    public int? Instalments { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// <summary>The budget year the approval commits against.</summary>
    public int? BudgetYear { get; set; }
    public string? BudgetOverrideReason { get; set; }
    public string? BudgetOverrideBy { get; set; }
    public decimal PaidAmount { get; set; }

    /// <summary>The reason of the last return or rejection.</summary>
    public string? Reason { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;

    public bool Editable => State is WorkflowDefinition.Draft or WorkflowDefinition.Returned;
}

/// <summary>A document uploaded for a checklist item: stored under the data directory by its SHA-256, never in wwwroot.</summary>
public sealed class ApplicationFile : ScopedEntity, IEnterpriseOwned
{
    public Guid ApplicationId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int ChecklistNumber { get; set; }
    /// <summary>Which of the item's alternatives this file is (西区 item 3), if it has any.</summary>
    public string? Alternative { get; set; }
    public string FileName { get; set; } = "";
    public UploadKind Kind { get; set; }
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

public enum ApplicationAction { Created = 1, Offered = 2, Submitted = 3, Passed = 4, Opinion = 5, Returned = 6, Rejected = 7, Approved = 8, Paid = 9, Archived = 10, Updated = 11 }

/// <summary>One step of an application's history: who did what at which stage, with the opinion or reason.</summary>
public sealed class ApplicationEvent : ScopedEntity, IEnterpriseOwned
{
    public Guid ApplicationId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Stage { get; set; } = "";
    public string StageName { get; set; } = "";
    public int Round { get; set; }
    public ApplicationAction Action { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? UnitKey { get; set; }
    public string? UnitName { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Text { get; set; }
    public decimal? Amount { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A payment made on an approved application (lump sum, or one of its instalments).</summary>
public sealed class IncentivePayment : ScopedEntity, IEnterpriseOwned
{
    public Guid ApplicationId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int Instalment { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    /// <summary>凭证号 of the finance bureau: unique per fund and year (the index on the fund, the year and the voucher).</summary>
    public string Voucher { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    /// <summary>The fund paid from — the jurisdiction that keeps it (the measure's) and its name ("" when the measure names none) — copied from the measure so the voucher's uniqueness can be indexed.</summary>
    public Guid FundJurisdictionId { get; set; }
    public string Fund { get; set; } = "";
    /// <summary>The year of <see cref="PaidOn"/>: a finance bureau numbers its vouchers per year.</summary>
    public int Year { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
