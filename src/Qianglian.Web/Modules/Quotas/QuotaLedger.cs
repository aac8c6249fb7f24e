using Qianglian.Core.Quotas;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// A chain's pool of one element (land, energy, a pollutant, power) for one year, kept where the chain is kept: the
/// running totals of what was granted, moved in and out by the office and allocated by the chief. Every write that
/// changes the balance changes this row, so two allocations made at once cannot both pass the check (the second
/// fails on the row's version, 409). What projects consumed is summed from their requests (a county records its own
/// project's use, below a city chain's pool).
/// </summary>
public sealed class QuotaPool : ScopedEntity
{
    public Guid ChainId { get; set; }
    public int Year { get; set; }
    public QuotaElement Element { get; set; }
    public decimal Granted { get; set; }
    public decimal TransferredIn { get; set; }
    public decimal TransferredOut { get; set; }
    public decimal Allocated { get; set; }
}

public enum QuotaMovementKind { Grant, TransferIn, TransferOut }

/// <summary>
/// One entry of a pool's history: a grant to the chain (with the document or decision it rests on), or one side of a
/// transfer between chains by the office (统筹调剂, 攀枝花 二) — both sides share <see cref="TransferId"/>, each kept
/// with its own chain.
/// </summary>
public sealed class QuotaMovement : ScopedEntity
{
    public Guid PoolId { get; set; }
    public Guid ChainId { get; set; }
    public int Year { get; set; }
    public QuotaElement Element { get; set; }
    public QuotaMovementKind Kind { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The other chain of a transfer.</summary>
    public Guid? CounterpartChainId { get; set; }
    public Guid? TransferId { get; set; }
    /// <summary>The grant's basis (批复文号、会议纪要) or the transfer's reason.</summary>
    public string Basis { get; set; } = "";
    public DateOnly On { get; set; }
    public string RecordedBy { get; set; } = "";
}

public enum QuotaRequestStatus { Pending, Allocated, Declined }

/// <summary>
/// A project's request for an element of its chain's pool, with its justification; kept in the project's place (the
/// county or park that files it), decided by the chain's chief or the office, and then consumed against.
/// </summary>
public sealed class QuotaRequest : ScopedEntity
{
    public Guid ChainId { get; set; }
    public Guid ProjectId { get; set; }
    public int Year { get; set; }
    public QuotaElement Element { get; set; }
    public decimal Requested { get; set; }
    public string Justification { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateOnly RequestedOn { get; set; }
    public QuotaRequestStatus Status { get; set; }
    public decimal Allocated { get; set; }
    public decimal Consumed { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>Use of an allocation by its project (land supplied, energy consumed, discharge permitted, power drawn).</summary>
public sealed class QuotaUse : ScopedEntity
{
    public Guid RequestId { get; set; }
    public Guid ChainId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly UsedOn { get; set; }
    public string? Note { get; set; }
    public string RecordedBy { get; set; } = "";
}
