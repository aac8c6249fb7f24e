using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Arrears;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;
using Text = Qianglian.Web.Modules.Supervision.Text;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>
/// Files a claim of arrears (拖欠账款): by the creditor enterprise from its home, or by an official on its behalf. The
/// debtor is a government body — a registered unit the filer sees or inherits (a district enterprise's debtor may be a
/// city bureau), or one named in words — or a named state-owned enterprise. The claim waits for the office's verification.
/// </summary>
public sealed class FileClaim(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Amount">The amount owed, in 元.</param>
    /// <param name="Basis">What the claim rests on: the contract, the invoices, the acceptance of the work.</param>
    /// <param name="DueOn">The date payment was due by the contract.</param>
    public sealed record Request(Guid? EnterpriseId, DebtorKind? DebtorKind, Guid? DebtorUnitId, string? DebtorName, decimal? Amount, string? Basis, DateOnly? DueOn);

    public async Task<Guid> Handle(Request request, CancellationToken ct)
    {
        user.Require(Permission.FileArrears);
        await using var db = dbs.Open();
        var acting = await db.ActingCallerAsync(user.Name, ct);
        var enterpriseId = acting.EnterpriseId ?? request.EnterpriseId
            ?? throw new ValidationException("enterpriseId", "请选择被拖欠的企业 (the creditor enterprise is required)");
        if (acting.EnterpriseId is { } own && request.EnterpriseId is { } other && other != own)
            throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct)
                         ?? throw new NotFoundException("enterpriseId", "企业不存在 (enterprise not found)");
        if (request.DebtorKind is not { } kind || !Enum.IsDefined(kind))
            throw new ValidationException("debtorKind", "请选择欠款方类型 (the debtor's kind is required)");
        string debtorName;
        if (request.DebtorUnitId is { } unitId)
        {
            if (kind != DebtorKind.GovernmentBody)
                throw new ValidationException("debtorUnitId", "国有企业欠款方请填写企业名称 (a state-owned debtor is named, not chosen among units)");
            await db.RequireVisibleOrInheritedAsync<GovernmentUnit>(unitId, "debtorUnitId", "单位不存在 (unit not found)", ct);
            debtorName = (await db.UnitNamesAsync([unitId], ct)).GetValueOrDefault(unitId, "");
        }
        else debtorName = Text.Required(request.DebtorName, "debtorName", "欠款方名称", 200);
        if (request.Amount is not { } amount || amount <= 0)
            throw new ValidationException("amount", "欠款金额须大于0 (the amount must be positive)");
        var basis = Text.Required(request.Basis, "basis", "欠款依据（合同、发票等）", 1000);
        if (request.DueOn is not { } dueOn)
            throw new ValidationException("dueOn", "请填写约定付款日期 (the due date is required)");

        var claim = new ArrearsClaim
        {
            JurisdictionId = enterprise.JurisdictionId, EnterpriseId = enterprise.Id, DebtorKind = kind, DebtorUnitId = request.DebtorUnitId,
            DebtorName = debtorName, ClaimedAmount = amount, Basis = basis, DueOn = dueOn, FiledBy = acting.Name, FiledAt = clock.GetUtcNow(),
        };
        db.Add(claim);
        await db.SaveChangesAsync(ct);
        return claim.Id;
    }
}
