using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Supervision;
using Qianglian.Web.Resources;

namespace Qianglian.Web.Modules.Inbox.Sources;

/// <summary>
/// Measure tasks of the user's unit: the monthly report due soon or overdue (黔江 四（一）: 于每月1日前报送 —
/// <see cref="ReportingCalendar"/> with the jurisdiction's due day and reminder days) and the task's own completion
/// date near or past (<see cref="Deadlines"/>); for the office (ManageTasks), the tasks no unit is named for yet
/// (待分派). The states are the task list's (<see cref="ReadTasks"/>), so the list and the inbox never disagree.
/// </summary>
public sealed class TasksInbox(IStringLocalizer<Strings> L) : IInboxSource
{
    public IReadOnlyList<InboxKind> Kinds { get; } = [InboxKind.TaskReport, InboxKind.TaskDeadline, InboxKind.TaskToAssign];

    public async Task<IReadOnlyList<InboxItem>> ForAsync(InboxCaller caller, CancellationToken ct)
    {
        var report = caller.Can(Permission.ReportProgress) && caller.Acting.UnitId is not null;
        var assign = caller.Can(Permission.ManageTasks);
        if (!report && !assign) return [];
        var unit = caller.Acting.UnitId;
        var tasks = await caller.Db.MeasureTasks.AsNoTracking()
            .Where(t => (report && t.UnitId == unit && t.Status == MeasureTaskStatus.InProgress) || (assign && t.Status == MeasureTaskStatus.Unassigned))
            .OrderBy(t => t.Title).ToListAsync(ct);
        if (tasks.Count == 0) return [];
        var rows = await ReadTasks.RowsAsync(caller.Db, tasks, caller.Today, ct);
        var items = new List<InboxItem>();
        foreach (var r in rows)
        {
            var link = $"/supervision/tasks/{r.Id}";
            if (r.Status == MeasureTaskStatus.Unassigned)
            {
                items.Add(new InboxItem(InboxKind.TaskToAssign, r.Id, L["Inbox_TaskAssign_What", r.Title], L["Inbox_TaskAssign_Why", r.NamedAs ?? ""],
                    null, null, false, false, link, r.JurisdictionPath));
                continue;
            }
            if (r.ReportState is ReportState.DueSoon or ReportState.Overdue || r.OverdueReports > 0)
                items.Add(new InboxItem(InboxKind.TaskReport, r.Id, L["Inbox_TaskReport_What", r.Title, r.Period ?? ""], L["Inbox_TaskUnit_Why", r.Unit],
                    r.ReportDue, null, r.ReportState == ReportState.Overdue || r.OverdueReports > 0, r.ReportState == ReportState.DueSoon, link, r.JurisdictionPath));
            if (r.Deadline is DeadlineState.DueSoon or DeadlineState.Overdue)
                items.Add(new InboxItem(InboxKind.TaskDeadline, r.Id, L["Inbox_TaskDeadline_What", r.Title], L["Inbox_TaskUnit_Why", r.Unit],
                    r.DueOn, null, r.Deadline == DeadlineState.Overdue, r.Deadline == DeadlineState.DueSoon, link, r.JurisdictionPath));
        }
        return items;
    }
}
