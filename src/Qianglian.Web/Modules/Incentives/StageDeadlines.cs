using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Projects;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// A stage timed in working days keeps its due date on the calendar as it now stands: when the holiday calendar of a
/// place changes (the nation loads a year's notice, an office enters one or corrects a day), the due dates of the open
/// applications below it are counted again from the day each entered its stage. Before this, a deadline set before
/// the year's notice was entered kept counting its holidays (2026 国庆) as working days.
/// </summary>
public sealed class StageDeadlines : ICalendarDependent
{
    public async Task CalendarChangedAsync(AppDbContext db, string path, CancellationToken ct)
    {
        var open = await db.Set<IncentiveApplication>().Where(a => a.StageDueOn != null && a.JurisdictionPath.StartsWith(path)).ToListAsync(ct);
        if (open.Count == 0) return;
        var places = open.Select(a => a.JurisdictionPath).Distinct().ToList();
        var measureIds = open.Select(a => a.MeasureId).Distinct().ToList();
        var measures = (await db.InheritedAsync<IncentiveMeasure>(places, ct, m => measureIds.Contains(m.Id))).ToDictionary(m => m.Id);
        var workflowIds = measures.Values.Select(m => m.WorkflowId).OfType<Guid>().Distinct().ToList();
        var workflows = (await db.InheritedAsync<IncentiveWorkflow>(places, ct, w => workflowIds.Contains(w.Id))).ToDictionary(w => w.Id, w => w.Definition);
        var calendars = await ProjectSettings.ForPathsAsync(db, places, ct);
        foreach (var a in open)
        {
            var definition = measures.GetValueOrDefault(a.MeasureId)?.WorkflowId is { } w ? workflows.GetValueOrDefault(w) : null;
            if (definition?.Stage(a.State) is not { WorkingDays: true } stage) continue;
            var due = StageDeadline.Due(BusinessDate.Of(a.StageEnteredAt), stage, calendars.CalendarAt(a.JurisdictionPath));
            if (due != a.StageDueOn) a.StageDueOn = due;
        }
    }
}
