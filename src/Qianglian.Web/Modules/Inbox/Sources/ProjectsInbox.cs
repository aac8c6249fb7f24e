using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Projects;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Key projects the user answers for — an enterprise its own, an official those whose responsible unit (责任单位) is the
/// user's unit: the monthly dispatch report of the last two months not yet filed (<see cref="Dispatch"/>: due on the
/// jurisdiction's day of the next month), and 容缺 commitments (an approval tolerated against a committed date) not
/// yet approved, due on the committed date and overdue after it, as the project's signals count them.
/// </summary>
public sealed class ProjectsInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.ProjectReport, InboxKind.Commitment];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReportProjects) && !caller.Can(Permission.ManageProjects)) return [];
        var (enterprise, unit) = (caller.Acting.EnterpriseId, caller.Acting.UnitId);
        if (enterprise is null && unit is null) return [];
        var db = caller.Db;
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.TerminatedOn == null && ((enterprise != null && p.EnterpriseId == enterprise) || (enterprise == null && p.ResponsibleUnitId == unit)))
            .ToListAsync(ct);
        if (projects.Count == 0) return [];
        var ids = projects.Select(p => p.Id).ToList();
        var months = new[] { caller.Today.AddMonths(-2), caller.Today.AddMonths(-1) }.Select(d => (d.Year, d.Month)).ToList();
        var keys = months.Select(m => m.Year * 100 + m.Month).ToList();
        var filed = (await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId) && keys.Contains(r.Year * 100 + r.Month))
            .Select(r => new { r.ProjectId, r.Year, r.Month, r.FiledOn }).ToListAsync(ct)).ToDictionary(r => (r.ProjectId, r.Year, r.Month), r => r.FiledOn);
        var tolerated = await db.Set<ProjectApproval>().AsNoTracking()
            .Where(a => ids.Contains(a.ProjectId) && a.Status == ApprovalStatus.Tolerated && a.CommitmentDeadline != null).ToListAsync(ct);
        var settings = await ProjectSettings.ForPathsAsync(db, projects.Select(p => p.JurisdictionPath).Distinct(), ct);
        var why = enterprise is not null ? L["Inbox_ProjectOwn_Why"].Value : L["Inbox_ProjectUnit_Why", caller.Acting.UnitName ?? ""].Value;
        var items = new List<InboxItem>();
        foreach (var p in projects)
        {
            var rules = settings.SettingsAt(p.JurisdictionPath).Dispatch;
            foreach (var (year, month) in months)
            {
                if (!Dispatch.MustReport(p.ActualStart, p.ActualCompletion, p.TerminatedOn, year, month)) continue;
                if (filed.ContainsKey((p.Id, year, month))) continue;
                var state = Dispatch.StateOf(year, month, null, caller.Today, rules);
                items.Add(new InboxItem(InboxKind.ProjectReport, p.Id, L["Inbox_ProjectReport_What", p.Name, $"{year}-{month:00}"], why,
                    Dispatch.DueDate(year, month, rules), null, state == ReportState.Overdue, false, $"/projects/{p.Id}", p.JurisdictionPath));
            }
        }
        var names = projects.ToDictionary(p => p.Id, p => p.Name);
        foreach (var a in tolerated)
        {
            var due = a.CommitmentDeadline!.Value;
            items.Add(new InboxItem(InboxKind.Commitment, a.ProjectId, L["Inbox_Commitment_What", names[a.ProjectId], ApprovalRules.Name(a.Kind)], why,
                due, null, due < caller.Today, false, $"/projects/{a.ProjectId}", a.JurisdictionPath));
        }
        return items;
    }
}
