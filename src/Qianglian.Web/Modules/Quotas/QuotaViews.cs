using Qianglian.Core.Quotas;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>One element of a chain's ledger for a year, in the element's one unit.</summary>
public sealed record QuotaElementView(QuotaElement Element, string Unit, decimal Granted, decimal TransferredIn, decimal TransferredOut, decimal Pool,
    decimal Allocated, decimal Consumed, decimal Unallocated, decimal? AllocatedShare, decimal? UsedShare);

public sealed record QuotaUseView(Guid Id, decimal Amount, DateOnly UsedOn, string? Note, string RecordedBy);

public sealed record QuotaRequestView(Guid Id, string JurisdictionPath, Guid ProjectId, string Project, QuotaElement Element, string Unit, decimal Requested,
    string Justification, string RequestedBy, DateOnly RequestedOn, QuotaRequestStatus Status, decimal Allocated, decimal Consumed, string? DecidedBy,
    DateOnly? DecidedOn, string? DecisionNote, int Version, IReadOnlyList<QuotaUseView> Uses);

/// <param name="Counterpart">The other chain of a transfer (its name; none when it lies outside the caller's scope).</param>
public sealed record QuotaMovementView(Guid Id, QuotaMovementKind Kind, QuotaElement Element, string Unit, decimal Amount, string? Counterpart, string Basis,
    DateOnly On, string RecordedBy);

/// <param name="CanAllocate">Whether the caller may decide this chain's requests (the chain's chief, the office).</param>
public sealed record QuotaLedgerView(Guid ChainId, string Chain, string JurisdictionPath, int Year, bool CanAllocate, IReadOnlyList<QuotaElementView> Elements,
    IReadOnlyList<QuotaRequestView> Requests, IReadOnlyList<QuotaMovementView> Movements);

/// <summary>A chain's allocations and use of one element in one year: the read targets and the chain index draw on.</summary>
public sealed record QuotaUseRow(Guid ChainId, string Chain, string JurisdictionPath, int Year, QuotaElement Element, string Unit, decimal Pool,
    decimal Allocated, decimal Consumed, decimal Unallocated, decimal? AllocatedShare, decimal? UsedShare);
