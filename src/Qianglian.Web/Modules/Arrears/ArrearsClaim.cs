using Qianglian.Core.Arrears;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// A claim of the arrears ledger (清欠台账, 攀枝花 十四 "建立完善拖欠企业账款风险防范机制"): money a government body or a
/// state-owned enterprise owes a private enterprise or SME. Scoped to the creditor enterprise's jurisdiction and owned
/// by it, so the enterprise sees its own claims and the offices above see their localities'. Amounts in 元, as the
/// platform keeps money (screens show 万元).
/// </summary>
public sealed class ArrearsClaim : ScopedEntity, IEnterpriseOwned
{
    /// <summary>The creditor.</summary>
    public Guid EnterpriseId { get; set; }
    public DebtorKind DebtorKind { get; set; }
    /// <summary>The debtor as a registered government unit, when it is one (it may sit above the creditor's place).</summary>
    public Guid? DebtorUnitId { get; set; }
    /// <summary>The debtor's name: the unit's name when it is a registered unit, otherwise as filed (a named SOE).</summary>
    public string DebtorName { get; set; } = "";
    public decimal ClaimedAmount { get; set; }
    /// <summary>What the claim rests on: the contract, the invoices, the acceptance of the work.</summary>
    public string Basis { get; set; } = "";
    /// <summary>The date payment was due (by the contract; the 保障中小企业款项支付条例 bounds it).</summary>
    public DateOnly DueOn { get; set; }
    public string FiledBy { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }

    public ClaimStatus Status { get; set; } = ClaimStatus.Filed;
    public decimal? AgreedAmount { get; set; }
    /// <summary>The office's reason when it disputes the claim (or agrees less than was claimed).</summary>
    public string? VerificationNote { get; set; }
    public string? VerifiedBy { get; set; }
    public DateOnly? VerifiedOn { get; set; }
    /// <summary>The sum of the repayments recorded: kept on the claim so two repayments cannot both pass the check.</summary>
    public decimal RepaidAmount { get; set; }
    public DateOnly? ClearedOn { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>One instalment of a claim's repayment plan.</summary>
public sealed class ArrearsInstalment : ScopedEntity, IEnterpriseOwned
{
    public Guid ClaimId { get; set; }
    public Guid EnterpriseId { get; set; }
    public int Ordinal { get; set; }
    public DateOnly DueOn { get; set; }
    public decimal Amount { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A repayment recorded against a claim.</summary>
public sealed class ArrearsRepayment : ScopedEntity, IEnterpriseOwned
{
    public Guid ClaimId { get; set; }
    public Guid EnterpriseId { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal Amount { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A file of a claim's basis (the contract, an invoice, an acceptance record), kept in the database with its SHA-256.</summary>
public sealed class ArrearsAttachment : ScopedEntity, IEnterpriseOwned
{
    public Guid ClaimId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    [AuditMasked] public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
