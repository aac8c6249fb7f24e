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
        var (measure, workflow) = await ConfigurationOf(db, application, ct);
        // The administrator's holiday calendar (Projects) of the application's jurisdiction and its ancestors.
        var calendar = (await Projects.ProjectSettings.ForPathsAsync(db, [application.JurisdictionPath], ct)).CalendarAt(application.JurisdictionPath);
        return new LoadedApplication(application, measure, workflow, calendar);
    }

    /// <summary>
    /// The measure an application claims and the measure's workflow: configuration kept at the application's place or
    /// above it (a 西区 application may claim a 攀枝花 measure, run through 攀枝花's workflow).
    /// </summary>
    public static async Task<(IncentiveMeasure Measure, WorkflowDefinition? Workflow)> ConfigurationOf(AppDbContext db, IncentiveApplication application, CancellationToken ct)
    {
        var measure = await db.FindInheritedAsync<IncentiveMeasure>(application.MeasureId, application.JurisdictionPath, ct)
                      ?? throw new NotFoundException("measureId", "申报的政策措施不存在或不适用于申报所在辖区 (measure not found)");
        var workflow = measure.WorkflowId is { } w ? (await db.FindInheritedAsync<IncentiveWorkflow>(w, measure.JurisdictionPath, ct))?.Definition : null;
        return (measure, workflow);
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

    /// <summary>
    /// The next number of the jurisdiction's series for the year. The series is the jurisdiction's, not the caller's: an
    /// enterprise user does not see the other enterprises' applications, yet its number must follow theirs.
    /// </summary>
    public static async Task<string> NextNumber(AppDbContext db, Guid jurisdictionId, int year, CancellationToken ct)
    {
        var prefix = $"{year}-";
        var numbers = await db.NumbersTakenAsync<IncentiveApplication>(a => a.JurisdictionId == jurisdictionId && a.Number.StartsWith(prefix), a => a.Number, ct);
        var last = numbers.Select(n => int.TryParse(n[prefix.Length..], out var i) ? i : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{last + 1:0000}";
    }

    /// <summary>
    /// 取高不重复: refuses a second live application for the same project (enterprise awards: the same enterprise)
    /// under a measure of the same exclusivity group, naming the first one. A measure paid per purchase
    /// (<see cref="IncentiveMeasure.PerPurchase"/>, 安康 二) takes another application of its own for the next purchase. The other applications are read through the
    /// filters: they are the same project's or enterprise's, so whoever may apply for it sees them — and the refusal
    /// names one, which must be the caller's to see.
    /// </summary>
    public static async Task CheckExclusive(AppDbContext db, IncentiveApplication application, IncentiveMeasure measure, CancellationToken ct)
    {
        var others = await db.Set<IncentiveApplication>().AsNoTracking()
            .Where(a => a.Id != application.Id && a.State != WorkflowDefinition.Rejected
                        && (measure.Subject == IncentiveSubject.Project ? a.ProjectId == application.ProjectId : a.EnterpriseId == application.EnterpriseId && a.ProjectId == null))
            .Select(a => new { a.Number, a.MeasureId, a.JurisdictionPath }).ToListAsync(ct);
        if (others.Count == 0) return;
        var ids = others.Select(o => o.MeasureId).Distinct().ToList();
        var measures = await db.InheritedAsync<IncentiveMeasure>(others.Select(o => o.JurisdictionPath).Distinct(), ct, m => ids.Contains(m.Id));
        foreach (var other in others)
        {
            if (measures.FirstOrDefault(x => x.Id == other.MeasureId) is not { } m || m.Group != measure.Group) continue;
            if (measure.PerPurchase && m.Id == measure.Id) continue;
            var what = measure.Subject == IncentiveSubject.Project ? "该项目" : "该企业";
            throw new ConflictException(
                $"{what}已有同属不可叠加组“{measure.Group}”的申报 {other.Number}（{m.Title}），按“取高不重复”原则不能重复申报 (a live application of the same exclusivity group exists)");
        }
    }
}
