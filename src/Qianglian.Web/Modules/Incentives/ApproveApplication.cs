using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// 审定: fixes the amount (never above the computed ceiling — "不超过" is a ceiling) and the payment method, against
/// the fund's yearly budget. Beyond the budget it is refused with the figures, unless a user whose role may override
/// gives a reason (kept on the application and in the audit log).
/// </summary>
public sealed class ApproveApplication(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public sealed record Request(decimal Amount, PaymentMethod PaymentMethod, int? Instalments, string? Opinion, string? BudgetOverrideReason, int Version);

    public async Task<ApplicationSummary> Handle(Guid id, Request r, CancellationToken ct)
    {
        user.Require(Permission.ReviewIncentives);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var (a, measure) = (loaded.Application, loaded.Measure);
        var stage = loaded.RequireStage(StageKind.Approval);
        var me = await Acting.Of(db, user, a, ct);
        await Acting.RequireActor(db, stage, me, ct);

        var result = await IncentiveCases.Evaluate(db, a, measure, today, ct);
        IncentiveCases.Record(a, result);
        if (result.AmountToBeSet)
            throw new ValidationException("amount", "该措施的奖励金额待本级设定，设定前不能审定或兑付 (the amount is still to be set)");
        if (!result.Eligible || result.Ceiling is not { } ceiling)
            throw new ValidationException("amount", "按现有数据已不符合条件：" + string.Join("；", result.Reasons) + " (no longer eligible)");
        if (r.Amount <= 0m) throw new ValidationException("amount", "支持额度须大于0 (the amount must be positive)");
        if (r.Amount > ceiling)
            throw new ValidationException("amount", $"支持额度 {Wording.Wan(r.Amount)} 超过核定上限 {Wording.Wan(ceiling)}（{result.Explanation.Formula}） (exceeds the ceiling)");
        if (r.Amount != Wording.ToFen(r.Amount)) throw new ValidationException("amount", "金额最多保留到分 (at most two decimals)");
        if (r.PaymentMethod == PaymentMethod.Instalments && r.Instalments is not (>= 2 and <= 12))
            throw new ValidationException("instalments", "分期支付须为2至12期 (instalments: 2 to 12)");
        if (!Enum.IsDefined(r.PaymentMethod)) throw new ValidationException("paymentMethod", "支付方式须为一次性或分期 (lump sum or instalments)");

        var position = await Budgets.PositionFor(db, measure, today.Year, r.Amount, ct);
        var overrideReason = string.IsNullOrWhiteSpace(r.BudgetOverrideReason) ? null : r.BudgetOverrideReason.Trim();
        if (position is { Fits: false })
        {
            if (overrideReason is null)
                throw new ConflictException($"超出“{measure.Fund}”{today.Year}年度预算：{position.Describe()}。如确需审定，须由有权限的领导填写超预算理由 (over budget)");
            if (!user.Can(Permission.OverrideIncentiveBudget))
                throw new ForbiddenException($"超出年度预算（{position.Describe()}），当前角色不能超预算审定 (your role may not override the budget)");
            (a.BudgetOverrideReason, a.BudgetOverrideBy) = (overrideReason, user.Name);
        }

        db.ExpectVersion(a, r.Version);
        (a.ApprovedAmount, a.PaymentMethod, a.Instalments, a.ApprovedOn, a.BudgetYear) =
            (r.Amount, r.PaymentMethod, r.PaymentMethod == PaymentMethod.Instalments ? r.Instalments : 1, today, today.Year);
        loaded.Machine().Fire(WorkflowTrigger.Pass, now);
        var method = r.PaymentMethod == PaymentMethod.LumpSum ? "一次性支付" : $"分{r.Instalments}期支付";
        var text = $"审定支持额度 {Wording.Wan(r.Amount)}（核定上限 {Wording.Wan(ceiling)}），{method}" +
                   (string.IsNullOrWhiteSpace(r.Opinion) ? "" : $"。{r.Opinion.Trim()}") +
                   (a.BudgetOverrideReason is { } why && position is { Fits: false } ? $"。超预算审定：{why}（{position.Describe()}）" : "");
        Applications.Log(db, loaded, stage.Key, ApplicationAction.Approved, user, me.User.UnitKey, me.UnitName, now, text, r.Amount);
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [a], today, ct)).Single();
    }
}
