using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// Sets (or replaces) an agreed claim's repayment plan (还款计划): instalments with dates that cover what is still owed
/// (<see cref="RepaymentPlanRule"/>). Replacing the plan replaces every instalment; the repayments stay.
/// </summary>
public sealed class PlanRepayment(AppDb dbs, CurrentUser user)
{
    /// <param name="Amount">In 元.</param>
    public sealed record InstalmentRequest(DateOnly DueOn, decimal Amount);

    public sealed record Request(IReadOnlyList<InstalmentRequest>? Instalments, int Version);

    public async Task Handle(Guid id, Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageArrears);
        await using var db = dbs.Open();
        var claim = await db.Set<ArrearsClaim>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ReadArrears.NotFound();
        var plan = (request.Instalments ?? []).Select(i => new Instalment(i.DueOn, i.Amount)).ToList();
        ArrearsRefusals.ThrowIfAny(RepaymentPlanRule.Check(claim.Status, claim.AgreedAmount ?? 0, claim.RepaidAmount, plan));
        db.ExpectVersion(claim, request.Version);
        db.RemoveRange(await db.Set<ArrearsInstalment>().Where(i => i.ClaimId == id).ToListAsync(ct));
        // The old rows go first, so the (claim, ordinal) index never holds two of one number.
        await db.SaveChangesAsync(ct);
        var ordinal = 0;
        foreach (var i in plan)
            db.Add(new ArrearsInstalment
            {
                JurisdictionId = claim.JurisdictionId, ClaimId = claim.Id, EnterpriseId = claim.EnterpriseId, Ordinal = ++ordinal, DueOn = i.DueOn, Amount = i.Amount,
            });
        claim.Status = ClaimStatus.Planned;
        await db.SaveChangesAsync(ct);
    }
}
