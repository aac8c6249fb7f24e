using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qianglian.Core.Projects;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Notifications;
using Qianglian.Web.Modules.Projects;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Key projects whose open approvals near or pass the jurisdiction's working-day limit (安康 九: “社会投资的核准（备案）类
/// 建设项目审批时限严格控制在70个工作日内”), due on the working day the limit is reached (<see cref="ApprovalDeadline"/>),
/// counted on the holiday calendar of the project's place as the project's figures count it. No limit in the pack: no item.
/// <para>
/// Whose: 安康 九 puts the time limit on the approval offices “按职责分工负责” (市工改办、行政审批服务局、发改委…), which the
/// platform does not hold as approvers; on the platform the approvals are recorded and pushed by the holders of
/// <see cref="Permission.ManageProjects"/>, and a project names its 责任单位 (ResponsibleUnitId) — the unit answerable for
/// getting its procedures done. So the item goes to that unit's staff; a project with no responsible unit named goes
/// to the coordination office of its place, which keeps the key-project library.
/// </para>
/// </summary>
public sealed class ApprovalsInbox(IStringLocalizer<Strings> L, IOptions<NotificationOptions> options) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.ApprovalLimit];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageProjects) || caller.Acting.EnterpriseId is not null) return [];
        var unit = caller.Acting.UnitId;
        var office = caller.Is(Roles.CoordinationOffice);
        if (unit is null && !office) return [];
        var db = caller.Db;
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.TerminatedOn == null
                        && ((unit != null && p.ResponsibleUnitId == unit) || (office && p.ResponsibleUnitId == null))
                        && db.Set<ProjectApproval>().Any(a => a.ProjectId == p.Id && a.SubmittedOn != null))
            .Select(p => new { p.Id, p.Name, p.JurisdictionPath, p.ResponsibleUnitId }).ToListAsync(ct);
        if (projects.Count == 0) return [];
        var ids = projects.Select(p => p.Id).ToList();
        var approvals = (await db.Set<ProjectApproval>().AsNoTracking().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct)).ToLookup(a => a.ProjectId);
        var resolver = await ProjectSettings.ForPathsAsync(db, projects.Select(p => p.JurisdictionPath).Distinct(), ct);
        var window = options.Value.WindowOf(InboxKind.ApprovalLimit).Days;
        var items = new List<InboxItem>();
        foreach (var p in projects)
        {
            var limit = resolver.SettingsAt(p.JurisdictionPath).ApprovalLimit;
            var records = approvals[p.Id].Select(ReadProjectDetail.Record).ToList();
            if (ApprovalDeadline.Of(records, resolver.CalendarAt(p.JurisdictionPath), limit, caller.Today, window) is not { } state) continue;
            var open = string.Join("、", Enum.GetValues<ApprovalKind>()
                .Where(k => approvals[p.Id].FirstOrDefault(a => a.Kind == k) is not { Status: ApprovalStatus.Approved or ApprovalStatus.NotRequired })
                .Select(ApprovalRules.Name));
            var why = p.ResponsibleUnitId is null ? L["Inbox_ApprovalOffice_Why", limit] : L["Inbox_ApprovalUnit_Why", caller.Acting.UnitName ?? "", limit];
            items.Add(new InboxItem(InboxKind.ApprovalLimit, p.Id, L["Inbox_ApprovalLimit_What", p.Name, open, state.ElapsedWorkingDays, limit], why,
                state.DueOn, state.WorkingDaysLeft, state.Over, state.Near, $"/projects/{p.Id}", p.JurisdictionPath));
        }
        return items;
    }
}
