using Qianglian.Core.Arrears;

namespace Qianglian.Web.Modules.Arrears;

/// <param name="OverdueSince">The earliest payment date or instalment missed (<see cref="ArrearsOverdue"/>); null when on time.</param>
public sealed record ClaimRow(Guid Id, string Enterprise, DebtorKind DebtorKind, string Debtor, decimal ClaimedAmount, decimal? AgreedAmount,
    decimal RepaidAmount, DateOnly DueOn, ClaimStatus Status, DateOnly? OverdueSince, string Locality, DateTimeOffset FiledAt, int Version, string JurisdictionPath);

public sealed record InstalmentView(int Ordinal, DateOnly DueOn, decimal Amount);

public sealed record RepaymentView(Guid Id, DateOnly PaidOn, decimal Amount, string? Note, string RecordedBy);

public sealed record ClaimAttachmentView(Guid Id, string FileName, long Size, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record ClaimDetail(ClaimRow Claim, string Basis, string FiledBy, string? VerificationNote, string? VerifiedBy, DateOnly? VerifiedOn,
    DateOnly? ClearedOn, IReadOnlyList<InstalmentView> Plan, IReadOnlyList<RepaymentView> Repayments, IReadOnlyList<ClaimAttachmentView> Attachments);

/// <summary>The groupings of the cleared-share summary.</summary>
public enum ArrearsGrouping { Debtor = 1, Locality = 2 }

/// <param name="Share">Repaid over agreed; null when the group has no agreed amount (no claims, or none verified yet).</param>
/// <param name="HasClaims">False: the locality has no claim in the ledger — shown as such, never as 0%.</param>
public sealed record ClearedShareRow(string Name, bool HasClaims, int Claims, int Verified, int Disputed, int Cleared, int Overdue,
    decimal ClaimedAmount, decimal AgreedAmount, decimal RepaidAmount, decimal? Share);

public sealed record ClearedShareView(ArrearsGrouping By, ClearedShareRow Total, IReadOnlyList<ClearedShareRow> Rows);
