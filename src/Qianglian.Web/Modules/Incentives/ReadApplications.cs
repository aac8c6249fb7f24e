using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>Applications the caller can see (an enterprise user: its own), paged and filtered on the server; one in full.</summary>
public sealed class ReadApplications(AppDb dbs, CurrentUser user, TimeProvider clock, Policies.PlatformDefaults defaults)
{
    public sealed record Query(string? State = null, Guid? MeasureId = null, bool? Overdue = null, string? Search = null, int Page = 1, int PageSize = 20);
    public sealed record Page(IReadOnlyList<ApplicationSummary> Items, int Total);

    /// <summary>The states an application waits in for someone (not draft, returned, rejected or archived).</summary>
    public const string Open = "open";

    private static readonly string[] Closed = [.. WorkflowDefinition.Reserved];

    public async Task<Page> List(Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var today = BusinessDate.Of(clock.GetUtcNow());
        var rows = db.Set<IncentiveApplication>().AsNoTracking();
        if (q.State == Open) rows = rows.Where(a => !Closed.Contains(a.State));
        else if (!string.IsNullOrWhiteSpace(q.State)) rows = rows.Where(a => a.State == q.State);
        if (q.MeasureId is { } m) rows = rows.Where(a => a.MeasureId == m);
        if (q.Overdue == true) rows = rows.Where(a => a.StageDueOn != null && a.StageDueOn < today);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            // The sub-queries read through the filters too: EF lifts a filter for the whole query, so a lifted one here
            // would show every jurisdiction's applications to whoever searches.
            var s = q.Search.Trim();
            rows = rows.Where(a => a.Number.Contains(s)
                || db.Enterprises.Any(e => e.Id == a.EnterpriseId && e.Name.Contains(s))
                || db.Projects.Any(p => p.Id == a.ProjectId && p.Name.Contains(s)));
        }
        var total = await rows.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, 200);
        // Ids are time-ordered (UUID v7): newest first without sorting on instants, which SQLite cannot.
        var page = await rows.OrderByDescending(a => a.Id).Skip((Math.Max(q.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new Page(await Summaries(db, page, today, ct), total);
    }

    public async Task<ApplicationDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewIncentives);
        await using var db = dbs.Open();
        var now = clock.GetUtcNow();
        var today = BusinessDate.Of(now);
        var a = await db.Set<IncentiveApplication>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new NotFoundException("application", "申报不存在 (application not found)");
        var (measure, workflow) = await Applications.ConfigurationOf(db, a, ct);
        var summary = (await Summaries(db, [a], today, ct)).Single();

        var files = (await db.Set<ApplicationFile>().AsNoTracking().Where(f => f.ApplicationId == id).ToListAsync(ct)).OrderBy(f => f.UploadedAt).ToList();
        var checklist = measure.Checklist.Select(c => new ChecklistStatus(c.Number, c.Name, c.Required, c.Alternatives,
            files.Where(f => f.ChecklistNumber == c.Number).Select(f => new FileView(f.Id, f.ChecklistNumber, f.Alternative, f.FileName, f.Kind, f.Size, f.Sha256, f.UploadedAt, f.UploadedBy)).ToList())).ToList();
        var events = (await db.Set<ApplicationEvent>().AsNoTracking().Where(e => e.ApplicationId == id).ToListAsync(ct)).OrderBy(e => e.At)
            .Select(e => new EventView(e.Stage, e.StageName, e.Action, e.UserName, e.UnitName, e.At, e.Text, e.Amount)).ToList();
        var payments = await db.Set<IncentivePayment>().AsNoTracking().Where(p => p.ApplicationId == id).OrderBy(p => p.Instalment)
            .Select(p => new PaymentView(p.Id, p.Instalment, p.Amount, p.PaidOn, p.Voucher, p.RecordedBy)).ToListAsync(ct);

        var stage = workflow?.Stage(a.State);
        var me = await Acting.Of(db, user, a, ct);
        var pending = stage is { Kind: StageKind.Consultation } ? await Opinions.Pending(db, a, stage, ct) : [];
        var stages = new List<StageView>();
        if (workflow is not null)
        {
            var index = workflow.Stages.ToList().FindIndex(s => s.Key == a.State);
            var names = await Acting.UnitNames(db, workflow.Stages.SelectMany(s => s.Opinions), ct);
            for (var i = 0; i < workflow.Stages.Count; i++)
            {
                var s = workflow.Stages[i];
                stages.Add(new StageView(s.Key, s.Name, s.Kind, await Acting.Describe(db, s.Actor, ct), s.DeadlineDays, s.WorkingDays, i == index,
                    a.State == WorkflowDefinition.Archived || (index >= 0 && i < index), s.Opinions.Select(o => names.GetValueOrDefault(o, o)).ToList()));
            }
        }
        var rule = measure.Rule;
        var actions = Allowed(a, stage, me, pending.Count);
        var waiting = stage is null ? null : $"待{await Acting.Describe(db, stage.Actor, ct)}办理“{stage.Name}”";
        string? budget = null;
        if (stage?.Kind == StageKind.Approval && measure.Fund is not null)
            budget = (await Budgets.PositionFor(db, measure, today.Year, a.Ceiling ?? 0m, ct))?.Describe();
        return new ApplicationDetail(summary, measure.Clause, measure.Subject, a.Category, rule.Categories.Select(c => c.Name).ToList(),
            a.PurchaseAmount, a.LoanPrincipal, a.LoanRate, a.LoanDays, a.Attested,
            rule.Conditions.Where(c => c.Kind == ConditionKind.Attested).Select(c => c.Text ?? "").ToList(), a.Note,
            a.ExplanationJson == "null" ? null : IncentiveJson.Read<Explanation>(a.ExplanationJson), checklist, stages, events, payments,
            pending.Select(p => p.Name).ToList(), a.PaymentMethod, a.Instalments, a.ApprovedOn, a.BudgetOverrideReason, a.Reason, budget,
            actions with { Waiting = waiting }, IncentiveMeasureView.ChecklistLabel(measure, defaults), await StagesDefaultAsync(db, measure, ct));
    }

    private async Task<string?> StagesDefaultAsync(AppDbContext db, IncentiveMeasure measure, CancellationToken ct) =>
        measure.WorkflowId is { } id && await db.FindInheritedAsync<IncentiveWorkflow>(id, measure.JurisdictionPath, ct) is { } workflow
            ? WorkflowView.Of(workflow, defaults).DefaultBasis : null;

    private AllowedActions Allowed(IncentiveApplication a, StageDefinition? stage, Acting.Me me, int pendingOpinions)
    {
        var apply = user.Can(Permission.ApplyIncentives) && a.Editable;
        var act = stage is not null && user.Can(Permission.ReviewIncentives) && stage.Actor.Allows(me.User);
        var review = act && stage!.Kind is StageKind.Intake or StageKind.Consultation or StageKind.Study or StageKind.Approval;
        var opinion = stage is { Kind: StageKind.Consultation } && user.Can(Permission.ReviewIncentives)
                      && (stage.Actor.Allows(me.User) || (me.User.UnitKey is { } unit && stage.Opinions.Contains(unit)));
        return new AllowedActions(apply, apply,
            Pass: act && stage!.Kind is StageKind.Intake or StageKind.Study or StageKind.Archive || (act && stage!.Kind == StageKind.Consultation && pendingOpinions == 0),
            Return: review || (act && stage!.Kind == StageKind.Payment && a.PaidAmount == 0m),
            Reject: review, Opinion: opinion, Approve: act && stage!.Kind == StageKind.Approval, Pay: act && stage!.Kind == StageKind.Payment, Waiting: null);
    }

    /// <summary>
    /// The rows as the lists show them. The measures and workflows may be kept above the applications (inherited
    /// configuration); the enterprise and project are named as the rows refer to them.
    /// </summary>
    internal static async Task<List<ApplicationSummary>> Summaries(AppDbContext db, IReadOnlyList<IncentiveApplication> rows, DateOnly today, CancellationToken ct)
    {
        var places = rows.Select(a => a.JurisdictionPath).Distinct().ToList();
        var measureIds = rows.Select(a => a.MeasureId).Distinct().ToList();
        var measures = (await db.InheritedAsync<IncentiveMeasure>(places, ct, m => measureIds.Contains(m.Id))).ToDictionary(m => m.Id);
        var workflowIds = measures.Values.Select(m => m.WorkflowId).OfType<Guid>().Distinct().ToList();
        var workflows = (await db.InheritedAsync<IncentiveWorkflow>(places, ct, w => workflowIds.Contains(w.Id))).ToDictionary(w => w.Id, w => w.Definition);
        var projects = await db.ProjectNamesAsync(rows.Select(a => a.ProjectId).OfType<Guid>(), ct);
        var enterprises = await db.EnterpriseNamesAsync(rows.Select(a => a.EnterpriseId), ct);
        // The holiday calendar of each place, to say when a working-day deadline ran through a year without one.
        var calendars = await Projects.ProjectSettings.ForPathsAsync(db, places, ct);
        return rows.Select(a =>
        {
            var m = measures.GetValueOrDefault(a.MeasureId);
            var definition = m?.WorkflowId is { } w ? workflows.GetValueOrDefault(w) : null;
            IReadOnlyList<int> missing = definition?.Stage(a.State) is { WorkingDays: true } && a.StageDueOn is { } dueOn
                ? calendars.CalendarAt(a.JurisdictionPath).YearsWithoutCalendar(BusinessDate.Of(a.StageEnteredAt), dueOn)
                : [];
            return new ApplicationSummary(a.Id, a.Number, a.JurisdictionId, a.JurisdictionPath, a.MeasureId, m?.Title ?? "", a.ProjectId,
                a.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, a.EnterpriseId, enterprises.GetValueOrDefault(a.EnterpriseId, ""),
                a.State, ApplicationMachine.StateName(definition, a.State), a.Origin, a.Eligible, a.Ceiling, a.AmountToBeSet, a.ApprovedAmount,
                a.PaidAmount, a.StageDueOn, a.StageDueOn is { } due ? StageDeadline.DaysOverdue(due, today) : 0, a.SubmittedAt, a.Version, missing);
        }).ToList();
    }
}
