using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// The office verifies a claim (核实): agrees an amount (all or part of what was claimed) or disputes it with a reason
/// (<see cref="ClaimVerification"/>). A disputed claim may be verified again once the parties have settled it.
/// </summary>
public sealed class VerifyClaim(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Agrees">True: the amount is agreed; false: the claim is disputed.</param>
    /// <param name="AgreedAmount">The amount agreed, in 元 (when agreed).</param>
    /// <param name="Reason">Why it is disputed, or why less than claimed was agreed.</param>
    public sealed record Request(bool Agrees, decimal? AgreedAmount, string? Reason, int Version);

    public async Task Handle(Guid id, Request request, CancellationToken ct)
    {
        user.Require(Permission.ManageArrears);
        await using var db = dbs.Open();
        var claim = await db.Set<ArrearsClaim>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw ReadArrears.NotFound();
        ArrearsRefusals.ThrowIfAny(ClaimVerification.Check(claim.Status, claim.ClaimedAmount, request.Agrees, request.AgreedAmount, request.Reason));
        var reason = Supervision.Text.Optional(request.Reason, "reason", 1000);
        db.ExpectVersion(claim, request.Version);
        (claim.Status, claim.AgreedAmount, claim.VerificationNote) = request.Agrees
            ? (ClaimStatus.Agreed, request.AgreedAmount, reason)
            : (ClaimStatus.Disputed, (decimal?)null, reason);
        claim.VerifiedBy = (await db.ActingCallerAsync(user.Name, ct)).Name;
        claim.VerifiedOn = BusinessDate.Today(clock);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Core's refusals as a 400 naming each field.</summary>
internal static class ArrearsRefusals
{
    public static void ThrowIfAny(IReadOnlyList<ArrearsRefusal> refusals)
    {
        if (refusals.Count > 0)
            throw new ValidationException(refusals.GroupBy(r => r.Field).ToDictionary(g => g.Key, g => g.Select(r => r.Message).ToArray()));
    }
}
