using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// The chain chief (链长牵头…统筹调剂, 攀枝花 二) — or the office for the chief — decides a project's request: allocates
/// all or part of it from the chain's pool, never beyond the pool's unallocated balance (Core
/// <see cref="QuotaBalance.CheckAllocation"/>), or declines it with a reason (an allocation of zero). Only the chief of
/// the request's own chain may decide as chief: the chief of another chain is refused.
/// </summary>
public sealed class AllocateQuota(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(decimal? Amount, string? Note, int Version);

    public async Task Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.AllocateQuotas);
        await using var db = dbs.Open();
        var request = await db.Set<QuotaRequest>().FirstOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("request", "指标申请不存在 (request not found)");
        var chain = await QuotaPools.ChainAsync(db, request.ChainId, "chainId", ct);
        var me = await db.ActingCallerAsync(user.Name, ct);
        if (!MayAllocate(user.Roles, me, chain.Id))
            throw new ForbiddenException("只有该产业链的链长或融圈强链办可以分配指标 (only the chain's chief or the office may allocate)");
        if (request.Status != QuotaRequestStatus.Pending) throw new ConflictException("该申请已处理 (the request was already decided)");
        db.ExpectVersion(request, r.Version);
        var amount = r.Amount ?? throw new ValidationException("amount", "请填写分配数量（不予分配填0） (the amount is required; 0 declines)");
        var today = BusinessDate.Today(clock);
        if (amount == 0)
        {
            var reason = Text.Required(r.Note, "note", "不予分配的理由", 1000);
            (request.Status, request.DecidedBy, request.DecidedOn, request.DecisionNote) = (QuotaRequestStatus.Declined, me.Name, today, reason);
            await db.SaveChangesAsync(ct);
            return;
        }
        if (amount > request.Requested)
            throw new ValidationException("amount", $"分配{QuotaElements.Amount(amount, request.Element)}超过申请数量{QuotaElements.Amount(request.Requested, request.Element)} (more than requested)");
        var pool = await QuotaPools.OpenAsync(db, chain, request.Year, request.Element, ct);
        QuotaPools.Refuse(QuotaBalance.CheckAllocation(QuotaPools.Figures(pool), request.Element, amount));
        pool.Allocated += amount;
        (request.Status, request.Allocated, request.DecidedBy, request.DecidedOn, request.DecisionNote) =
            (QuotaRequestStatus.Allocated, amount, me.Name, today, Text.Optional(r.Note, "note", 1000));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The office (and the administrator) for any chain of its scope; a chief only for the chain it chiefs.</summary>
    public static bool MayAllocate(IReadOnlyList<string> roles, ActingCaller me, Guid chainId) =>
        roles.Contains(Roles.CoordinationOffice) || roles.Contains(Roles.Administrator) || me.ChiefOf.Contains(chainId);
}
