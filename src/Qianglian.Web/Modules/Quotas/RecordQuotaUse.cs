using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// The project's keeper records use of its allocation (land supplied, energy consumed, discharge permitted, power
/// drawn); the total never exceeds the allocation (Core <see cref="QuotaBalance.CheckConsumption"/>). The request's
/// row changes with each use, so two uses recorded at once cannot both pass the check.
/// </summary>
public sealed class RecordQuotaUse(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(decimal? Amount, DateOnly? UsedOn, string? Note);

    public async Task<Guid> Handle(Guid requestId, Request r, CancellationToken ct)
    {
        user.Require(Permission.RecordQuotaUse);
        await using var db = dbs.Open();
        var request = await db.Set<QuotaRequest>().FirstOrDefaultAsync(q => q.Id == requestId, ct) ?? throw new NotFoundException("request", "指标申请不存在 (request not found)");
        if (request.Status != QuotaRequestStatus.Allocated)
            throw new ValidationException("requestId", "该申请尚未分配指标，不能登记使用 (nothing was allocated to this request)");
        var amount = r.Amount ?? throw new ValidationException("amount", "请填写数量 (the amount is required)");
        QuotaPools.Refuse(QuotaBalance.CheckConsumption(request.Allocated, request.Consumed, request.Element, amount));
        var today = BusinessDate.Today(clock);
        var on = r.UsedOn ?? today;
        if (on > today) throw new ValidationException("usedOn", "使用日期不能晚于今天 (cannot be in the future)");
        request.Consumed += amount;
        var use = new QuotaUse
        {
            JurisdictionId = request.JurisdictionId, RequestId = request.Id, ChainId = request.ChainId, Amount = amount, UsedOn = on,
            Note = Text.Optional(r.Note, "note", 500), RecordedBy = (await db.ActingCallerAsync(user.Name, ct)).Name,
        };
        db.Add(use);
        await db.SaveChangesAsync(ct);
        return use.Id;
    }
}
