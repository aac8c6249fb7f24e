using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Core.Projects;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>An application loaded for a change, with its measure and workflow (which may belong to a parent jurisdiction).</summary>
internal sealed record LoadedApplication(IncentiveApplication Application, IncentiveMeasure Measure, WorkflowDefinition? Workflow, HolidayCalendar Calendar)
{
    /// <summary>The application's state machine (its jurisdiction's holiday calendar times working-day stages).</summary>
    public ApplicationMachine Machine() => new(RequireWorkflow(), Application, Calendar);

    public StageDefinition? Stage => Workflow?.Stage(Application.State);

    public WorkflowDefinition RequireWorkflow() =>
        Workflow ?? throw new ConflictException("该措施尚未配置审批流程，不能提交或审批 (the measure has no workflow)");

    public StageDefinition RequireStage(params StageKind[] kinds)
    {
        var stage = Stage ?? throw new ConflictException($"申报当前为“{ApplicationMachine.StateName(Workflow, Application.State)}”，没有待办环节 (no stage to act on)");
        if (kinds.Length > 0 && !kinds.Contains(stage.Kind))
            throw new ConflictException($"申报当前处于“{stage.Name}”环节，不能进行此操作 (not at a stage for this)");
        return stage;
    }
}

/// <summary>What the application operations share: loading, history events, numbering and the 取高不重复 check.</summary>
internal static class Applications
{
    public static async Task<LoadedApplication> Load(AppDbContext db, Guid id, CancellationToken ct)
    {
        var application = await db.Set<IncentiveApplication>().FirstOrDefaultAsync(a => a.Id == id, ct)
                          ?? throw new NotFoundException("application", "申报不存在 (application not found)");
        var measure = await db.Set<IncentiveMeasure>().IgnoreQueryFilters().FirstAsync(m => m.Id == application.MeasureId, ct);
        var workflow = measure.WorkflowId is { } w ? (await db.Set<IncentiveWorkflow>().IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == w, ct)).Definition : null;
        // The administrator's holiday calendar (Projects) of the application's jurisdiction and its ancestors.
        var calendar = (await Projects.ProjectSettings.ForPathsAsync(db, [application.JurisdictionPath], ct)).CalendarAt(application.JurisdictionPath);
        return new LoadedApplication(application, measure, workflow, calendar);
    }

    public static void Log(AppDbContext db, LoadedApplication loaded, string stageKey, ApplicationAction action, CurrentUser user, string? unitKey, string? unitName,
        DateTimeOffset now, string? text = null, decimal? amount = null)
    {
        var a = loaded.Application;
        db.Add(new ApplicationEvent
        {
            JurisdictionId = a.JurisdictionId, ApplicationId = a.Id, EnterpriseId = a.EnterpriseId, Stage = stageKey,
            StageName = ApplicationMachine.StateName(loaded.Workflow, stageKey), Round = a.Round, Action = action, UserId = user.Id, UserName = user.Name,
            UnitKey = unitKey, UnitName = unitName, At = now, Text = text, Amount = amount,
        });
    }

    public static async Task<string> NextNumber(AppDbContext db, Guid jurisdictionId, int year, CancellationToken ct)
    {
        var prefix = $"{year}-";
        var numbers = await db.Set<IncentiveApplication>().IgnoreQueryFilters()
            .Where(a => a.JurisdictionId == jurisdictionId && a.Number.StartsWith(prefix)).Select(a => a.Number).ToListAsync(ct);
        var last = numbers.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:0000}";
    }

    /// <summary>
    /// 取高不重复: refuses a second live application for the same project (enterprise awards: the same enterprise)
    /// under a measure of the same exclusivity group, naming the first one.
    /// </summary>
    public static async Task CheckExclusive(AppDbContext db, IncentiveApplication application, IncentiveMeasure measure, CancellationToken ct)
    {
        var others = await db.Set<IncentiveApplication>().IgnoreQueryFilters()
            .Where(a => a.Id != application.Id && a.State != WorkflowDefinition.Rejected
                        && (measure.Subject == IncentiveSubject.Project ? a.ProjectId == application.ProjectId : a.EnterpriseId == application.EnterpriseId && a.ProjectId == null))
            .Select(a => new { a.Number, a.MeasureId }).ToListAsync(ct);
        if (others.Count == 0) return;
        var ids = others.Select(o => o.MeasureId).Distinct().ToList();
        var measures = await db.Set<IncentiveMeasure>().IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        foreach (var other in others)
        {
            var m = measures.Single(x => x.Id == other.MeasureId);
            if (m.Group != measure.Group) continue;
            var what = measure.Subject == IncentiveSubject.Project ? "该项目" : "该企业";
            throw new ConflictException(
                $"{what}已有同属不可叠加组“{measure.Group}”的申报 {other.Number}（{m.Title}），按“取高不重复”原则不能重复申报 (a live application of the same exclusivity group exists)");
        }
    }
}
