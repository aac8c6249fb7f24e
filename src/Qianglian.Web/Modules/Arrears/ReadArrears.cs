using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// The arrears ledger as the caller's scope sees it (the central filters decide: an office its localities, an enterprise
/// its own claims), with each claim's overdue state by Core's <see cref="ArrearsOverdue"/>.
/// </summary>
public sealed class ReadArrears(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public static NotFoundException NotFound() => new("claim", "欠款记录不存在 (claim not found)");

    public async Task<IReadOnlyList<ClaimRow>> List(ClaimStatus? status, bool overdue, CancellationToken ct)
    {
        user.Require(Permission.ViewArrears);
        await using var db = dbs.Open();
        var rows = await Rows(db, status, BusinessDate.Today(clock), ct);
        return overdue ? rows.Where(r => r.OverdueSince is not null).ToList() : rows;
    }

    public async Task<ClaimDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewArrears);
        await using var db = dbs.Open();
        var claim = await db.Set<ArrearsClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        var row = (await RowsOf(db, [claim], BusinessDate.Today(clock), ct)).Single();
        var plan = await db.Set<ArrearsInstalment>().AsNoTracking().Where(i => i.ClaimId == id).OrderBy(i => i.Ordinal)
            .Select(i => new InstalmentView(i.Ordinal, i.DueOn, i.Amount)).ToListAsync(ct);
        var repayments = (await db.Set<ArrearsRepayment>().AsNoTracking().Where(r => r.ClaimId == id).ToListAsync(ct))
            .OrderBy(r => r.PaidOn).ThenBy(r => r.Id).Select(r => new RepaymentView(r.Id, r.PaidOn, r.Amount, r.Note, r.RecordedBy)).ToList();
        var attachments = (await db.Set<ArrearsAttachment>().AsNoTracking().Where(a => a.ClaimId == id)
                .Select(a => new ClaimAttachmentView(a.Id, a.FileName, a.Size, a.UploadedBy, a.UploadedAt)).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).ToList();
        return new ClaimDetail(row, claim.Basis, claim.FiledBy, claim.VerificationNote, claim.VerifiedBy, claim.VerifiedOn, claim.ClearedOn, plan, repayments, attachments);
    }

    /// <summary>Every claim in scope (optionally of one status), oldest payment date first.</summary>
    internal static async Task<List<ClaimRow>> Rows(AppDbContext db, ClaimStatus? status, DateOnly today, CancellationToken ct)
    {
        var claims = await db.Set<ArrearsClaim>().AsNoTracking().Where(c => status == null || c.Status == status).ToListAsync(ct);
        return (await RowsOf(db, claims, today, ct)).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToList();
    }

    private static async Task<List<ClaimRow>> RowsOf(AppDbContext db, List<ArrearsClaim> claims, DateOnly today, CancellationToken ct)
    {
        if (claims.Count == 0) return [];
        var ids = claims.Select(c => c.Id).ToList();
        var plans = (await db.Set<ArrearsInstalment>().AsNoTracking().Where(i => ids.Contains(i.ClaimId)).ToListAsync(ct))
            .ToLookup(i => i.ClaimId, i => new Instalment(i.DueOn, i.Amount));
        var enterprises = await db.EnterpriseNamesAsync(claims.Select(c => c.EnterpriseId).Distinct(), ct);
        var places = await db.JurisdictionNamesAsync(claims.Select(c => c.JurisdictionId).Distinct(), ct);
        return claims.Select(c => new ClaimRow(c.Id, enterprises.GetValueOrDefault(c.EnterpriseId, ""), c.DebtorKind, c.DebtorName, c.ClaimedAmount,
            c.AgreedAmount, c.RepaidAmount, c.DueOn, c.Status, ArrearsOverdue.Since(c.Status, c.DueOn, c.RepaidAmount, plans[c.Id].ToList(), today),
            places.GetValueOrDefault(c.JurisdictionId, ""), c.FiledAt, c.Version, c.JurisdictionPath)).ToList();
    }
}
