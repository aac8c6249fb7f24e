using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Submits a draft (or resubmits after a return) into the workflow's first stage. Refused, naming what is wrong,
/// while a required document is missing, the case is not eligible (the failed conditions), the measure has expired,
/// or another live application of the same exclusivity group exists.
/// </summary>
public sealed class SubmitApplication(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public async Task<ApplicationSummary> Handle(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ApplyIncentives);
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        await using var db = dbs.Open();
        var loaded = await Applications.Load(db, id, ct);
        var (a, measure) = (loaded.Application, loaded.Measure);
        var workflow = loaded.RequireWorkflow();
        if (!a.Editable) throw new ConflictException($"申报已提交（{ApplicationMachine.StateName(workflow, a.State)}），不能重复提交 (already submitted)");

        var files = await db.Set<ApplicationFile>().Where(f => f.ApplicationId == id).Select(f => f.ChecklistNumber).Distinct().ToListAsync(ct);
        var missing = measure.Checklist.Where(c => c.Required && !files.Contains(c.Number)).ToList();
        if (missing.Count > 0)
            throw new ValidationException("files", "缺少申报资料：" + string.Join("；", missing.Select(c => $"第{c.Number}项 {c.Name}")) + " (required documents are missing)");

        var result = await IncentiveCases.Evaluate(db, a, measure, today, ct);
        IncentiveCases.Record(a, result);
        if (!result.Eligible)
            throw new ValidationException("measureId", "不符合申报条件：" + string.Join("；", result.Reasons) + " (not eligible)");
        await Applications.CheckExclusive(db, a, measure, ct);

        var from = a.State;
        loaded.Machine().Fire(WorkflowTrigger.Submit, now);
        a.SubmittedAt = now;
        a.Reason = null;
        a.Round++;
        Applications.Log(db, loaded, from, ApplicationAction.Submitted, user, null, null, now,
            from == WorkflowDefinition.Returned ? "补充资料后重新提交" : null, result.Ceiling);
        await db.SaveChangesAsync(ct);
        return (await ReadApplications.Summaries(db, [a], today, ct)).Single();
    }
}
