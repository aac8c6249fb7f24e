using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Incentives;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Incentives;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Incentive applications: those waiting at a stage whose actor the user is (the workflow's own <see cref="StageActor"/>
/// rule, as the review operations check it), those waiting for the opinion of the user's unit at a consultation stage
/// (西区 十: 初步会商), and for an enterprise its own applications returned for completion or pushed to it as 免申即享.
/// Due date and overdue are the stage's (<see cref="StageDeadline"/>, working days where the workflow says so).
/// </summary>
public sealed class ApplicationsInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    private static readonly string[] Closed = [WorkflowDefinition.Rejected, WorkflowDefinition.Archived];

    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.ApplicationStage, InboxKind.ApplicationToComplete];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        var review = caller.Can(Permission.ReviewIncentives);
        var apply = caller.Can(Permission.ApplyIncentives) && caller.Acting.EnterpriseId is not null;
        if (!review && !apply) return [];
        var db = caller.Db;
        var rows = db.Set<IncentiveApplication>().AsNoTracking().Where(a => !Closed.Contains(a.State));
        // An enterprise completes its own drafts and returns; officials act on the stages.
        rows = review ? rows.Where(a => a.State != WorkflowDefinition.Draft && a.State != WorkflowDefinition.Returned)
            : rows.Where(a => a.State == WorkflowDefinition.Returned || (a.State == WorkflowDefinition.Draft && a.Origin == ApplicationOrigin.Proactive));
        var open = await rows.ToListAsync(ct);
        if (open.Count == 0) return [];

        var places = open.Select(a => a.JurisdictionPath).Distinct().ToList();
        var measureIds = open.Select(a => a.MeasureId).Distinct().ToList();
        var measures = (await db.InheritedAsync<IncentiveMeasure>(places, ct, m => measureIds.Contains(m.Id))).ToDictionary(m => m.Id);
        var enterprises = await db.EnterpriseNamesAsync(open.Select(a => a.EnterpriseId), ct);
        string Title(IncentiveApplication a) => measures.GetValueOrDefault(a.MeasureId)?.Title ?? "";
        string Enterprise(IncentiveApplication a) => enterprises.GetValueOrDefault(a.EnterpriseId, "");
        string Link(IncentiveApplication a) => $"/incentives/applications/{a.Id}";

        if (!review)
            return open.Select(a => a.State == WorkflowDefinition.Returned
                ? new InboxItem(InboxKind.ApplicationToComplete, a.Id, L["Inbox_AppReturned_What", a.Number, Title(a), a.Reason ?? ""], L["Inbox_AppOwn_Why"],
                    null, null, false, false, Link(a), a.JurisdictionPath)
                : new InboxItem(InboxKind.ApplicationToComplete, a.Id, L["Inbox_AppOffered_What", a.Number, Title(a)], L["Inbox_AppOffered_Why"],
                    null, null, false, false, Link(a), a.JurisdictionPath)).ToList();

        var workflowIds = measures.Values.Select(m => m.WorkflowId).OfType<Guid>().Distinct().ToList();
        var workflows = (await db.InheritedAsync<IncentiveWorkflow>(places, ct, w => workflowIds.Contains(w.Id))).ToDictionary(w => w.Id, w => w.Definition);
        var me = caller.Acting;
        // Who a stage wants, named once per actor rather than once per application (each naming reads the unit's name).
        var described = new Dictionary<(string?, bool, string), string>();
        async Task<string> Describe(StageActor actor)
        {
            var key = (actor.Unit, actor.ChainChief, string.Join('|', actor.Roles));
            if (!described.TryGetValue(key, out var text)) described[key] = text = await Acting.Describe(db, actor, ct);
            return text;
        }
        var items = new List<InboxItem>();
        var consulted = new List<(IncentiveApplication A, StageDefinition S)>();
        foreach (var a in open)
        {
            var stage = measures.GetValueOrDefault(a.MeasureId)?.WorkflowId is { } w ? workflows.GetValueOrDefault(w)?.Stage(a.State) : null;
            if (stage is null) continue;
            var acting = new ActingUser(caller.Roles, me.UnitKey, a.ChainId is { } chain && me.ChiefOf.Contains(chain));
            var due = a.StageDueOn;
            if (stage.Actor.Allows(acting))
                items.Add(new InboxItem(InboxKind.ApplicationStage, a.Id, L["Inbox_AppStage_What", a.Number, Enterprise(a), Title(a), stage.Name],
                    L["Inbox_AppStage_Why", await Describe(stage.Actor)], due, null,
                    due is { } d1 && StageDeadline.IsOverdue(d1, caller.Today), false, Link(a), a.JurisdictionPath));
            else if (stage.Kind == StageKind.Consultation && me.UnitKey is { } unit && stage.Opinions.Contains(unit))
                consulted.Add((a, stage));
        }
        if (consulted.Count > 0)
        {
            // The opinions already given in this round by the user's unit: the item leaves once its unit has spoken.
            var ids = consulted.Select(c => c.A.Id).ToList();
            var given = (await db.Set<ApplicationEvent>().AsNoTracking()
                    .Where(e => ids.Contains(e.ApplicationId) && e.Action == ApplicationAction.Opinion && e.UnitKey == me.UnitKey)
                    .Select(e => new { e.ApplicationId, e.Stage, e.Round }).ToListAsync(ct))
                .Select(e => (e.ApplicationId, e.Stage, e.Round)).ToHashSet();
            foreach (var (a, stage) in consulted.Where(c => !given.Contains((c.A.Id, c.S.Key, c.A.Round))))
                items.Add(new InboxItem(InboxKind.ApplicationStage, a.Id, L["Inbox_AppOpinion_What", a.Number, Enterprise(a), Title(a), stage.Name],
                    L["Inbox_AppOpinion_Why", me.UnitName ?? ""], a.StageDueOn, null,
                    a.StageDueOn is { } d2 && StageDeadline.IsOverdue(d2, caller.Today), false, Link(a), a.JurisdictionPath));
        }
        return items;
    }
}
