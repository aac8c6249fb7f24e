using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// Records a repayment against a verified claim: never above the agreed amount — refused with the figures
/// (<see cref="RepaymentRule"/>). The claim's repaid total moves in the same save, under the claim's version, so two
/// repayments recorded at once cannot both pass the check; the claim is cleared when the total reaches the agreed amount.
/// </summary>
public sealed class RecordRepayment(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Amount">In 元.</param>
    /// <param name="PaidOn">The date the money was paid; today when omitted.</param>
    public sealed record Request(decimal Amount, DateOnly? PaidOn, string? Note, int Version);

    public async Task<Guid> Handle(Guid id, Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageArrears);
        await using var db = dbs.Open();
        var claim = await db.Set<ArrearsClaim>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ReadArrears.NotFound();
        var today = BusinessDate.Today(clock);
        var paidOn = request.PaidOn ?? today;
        ArrearsRefusals.ThrowIfAny(RepaymentRule.Check(claim.Status, claim.AgreedAmount, claim.RepaidAmount, request.Amount, paidOn, today));
        var note = Supervision.Text.Optional(request.Note, "note", 1000);
        db.ExpectVersion(claim, request.Version);
        var repayment = new ArrearsRepayment
        {
            JurisdictionId = claim.JurisdictionId, ClaimId = claim.Id, EnterpriseId = claim.EnterpriseId, PaidOn = paidOn, Amount = request.Amount, Note = note,
            RecordedBy = (await db.ActingCallerAsync(user.Name, ct)).Name, RecordedAt = clock.GetUtcNow(),
        };
        db.Add(repayment);
        claim.RepaidAmount += request.Amount;
        if (RepaymentRule.Clears(claim.AgreedAmount!.Value, claim.RepaidAmount)) (claim.Status, claim.ClearedOn) = (ClaimStatus.Cleared, paidOn);
        await db.SaveChangesAsync(ct);
        return repayment.Id;
    }
}
