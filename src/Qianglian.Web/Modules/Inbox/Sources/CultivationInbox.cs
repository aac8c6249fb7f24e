using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// The office's decisions in cultivation (ManageCultivation): a tier review whose proposals are still open (one item per
/// review, with the count — a province's review proposes thousands), and each objection to a published 亩均 grade,
/// which must be settled before the grading is locked (<see cref="GradingWorkflow"/>). The documents give no date for
/// either decision; the objection item names the end of the objection window.
/// </summary>
public sealed class CultivationInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.TierProposals, InboxKind.Objection];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageCultivation)) return [];
        var db = caller.Db;
        var reviews = await db.EvaluationRuns.AsNoTracking().Where(r => r.Kind == RunKind.TierReview && r.Status == RunStatus.Proposed)
            .Select(r => new { r.Id, r.Title, r.Year, r.JurisdictionPath, Open = db.EvaluationResults.Count(x => x.RunId == r.Id && x.Decision == Decision.Pending) })
            .Where(r => r.Open > 0).ToListAsync(ct);
        var objections = await db.Objections.AsNoTracking().Where(o => o.Status == ObjectionStatus.Open)
            .Join(db.EvaluationRuns.Where(r => r.Status == RunStatus.Published), o => o.RunId, r => r.Id, (o, r) => new { o.Id, o.EnterpriseId, o.Reason, o.JurisdictionPath, r.Title, r.ObjectionDeadline })
            .ToListAsync(ct);
        var names = await db.EnterpriseNamesAsync(objections.Select(o => o.EnterpriseId), ct);
        return reviews.Select(r => new InboxItem(InboxKind.TierProposals, r.Id, L["Inbox_Tier_What", r.Title, r.Open], L["Inbox_Office_Why"],
                null, null, false, false, "/cultivation/tiers", r.JurisdictionPath))
            .Concat(objections.Select(o => new InboxItem(InboxKind.Objection, o.Id, L["Inbox_Objection_What", names.GetValueOrDefault(o.EnterpriseId, ""), o.Title, o.Reason],
                o.ObjectionDeadline is { } d ? L["Inbox_ObjectionWindow_Why", d.ToString("yyyy-MM-dd")] : L["Inbox_Office_Why"],
                null, null, false, false, "/cultivation/grading", o.JurisdictionPath)))
            .ToList();
    }
}
