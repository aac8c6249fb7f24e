using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// The problem ledger: open problems the user handles now — at a unit's level the staff of the assigned unit, at the
/// chief's level the chief and deputies (<see cref="ProblemLadder.CanHandle"/>, the rule the handling operations
/// check) — due at the level's deadline (<see cref="EscalationLadder"/>, with the jurisdiction's reminder days); and
/// for an enterprise its problems answered and waiting for its confirmation and rating.
/// </summary>
public sealed class ProblemsInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.Problem, InboxKind.ProblemRating];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        var handle = caller.Can(Permission.HandleProblems);
        var rate = caller.Can(Permission.RateProblems) && caller.Acting.EnterpriseId is not null;
        if (!handle && !rate) return [];
        var me = caller.Acting;
        var (unit, user, deputyOf, enterprise) = (me.UnitId, me.UserId, me.DeputyOf.ToList(), me.EnterpriseId);
        var rows = await caller.Db.Problems.AsNoTracking()
            .Where(p => (handle && p.Status == ProblemStatus.Open
                         && ((unit != null && p.AssignedUnitId == unit) || (user != null && p.AssignedUserId == user)
                             || (p.Level == EscalationLevel.ChainChief && p.ChainId != null && deputyOf.Contains(p.ChainId.Value))))
                        || (rate && p.Status == ProblemStatus.Resolved && p.EnterpriseId == enterprise))
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var who = new Caller(me.UserId, me.Name, me.UnitId, me.EnterpriseId, me.DeputyOf, caller.Roles);
        var enterprises = await caller.Db.EnterpriseNamesAsync(rows.Select(p => p.EnterpriseId), ct);
        var settings = await SupervisionSettingsReader.GoverningAsync(caller.Db, rows.Select(p => p.JurisdictionPath).Distinct(), ct);
        var items = new List<InboxItem>();
        foreach (var p in rows)
        {
            var link = $"/supervision/problems/{p.Id}";
            if (p.Status == ProblemStatus.Resolved)
            {
                items.Add(new InboxItem(InboxKind.ProblemRating, p.Id, L["Inbox_ProblemRate_What", p.Title], L["Inbox_ProblemRate_Why"],
                    null, null, false, false, link, p.JurisdictionPath));
                continue;
            }
            if (!ProblemLadder.CanHandle(p, who)) continue;
            // The ledger's own reminder window (the list flags 临期 with the same days).
            var reminderDays = InheritedConfiguration.Nearest(settings, p.JurisdictionPath)?.ProblemReminderDays ?? 2;
            var why = p.Level == EscalationLevel.ChainChief ? L["Inbox_ProblemChief_Why"] : L["Inbox_ProblemUnit_Why", me.UnitName ?? ""];
            items.Add(new InboxItem(InboxKind.Problem, p.Id, L["Inbox_Problem_What", p.Title, enterprises.GetValueOrDefault(p.EnterpriseId, "")], why,
                BusinessDate.Of(p.DueAt), null, EscalationLadder.IsOverdue(p.Status, p.DueAt, caller.Now),
                EscalationLadder.IsDueSoon(p.Status, p.DueAt, caller.Now, reminderDays), link, p.JurisdictionPath));
        }
        return items;
    }
}
