using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Modules.Supervision;

/// <param name="UnitId">Null while the task is 待分派 (<see cref="MeasureTaskStatus.Unassigned"/>).</param>
/// <param name="Unit">The unit's name; empty while 待分派.</param>
/// <param name="NamedAs">The name the clause writes when it is not the unit's own (a catch-all, or what a 待分派 task waits on).</param>
/// <param name="Via">What the unit is in the catch-all's class: its county, or the chains it leads.</param>
/// <param name="ReportState">The state of the latest month owed: reminded (due soon), overdue, on time or late.</param>
/// <param name="OverdueReports">Months whose report is past due and still missing.</param>
public sealed record TaskRow(Guid Id, string Title, Guid DocumentId, Guid? UnitId, string Unit, MeasureRole Role, DateOnly StartOn, DateOnly? DueOn,
    MeasureTaskStatus Status, DateOnly? CompletedOn, TrafficLight? Light, string? Period, ReportState? ReportState, DateOnly? ReportDue, int OverdueReports,
    DeadlineState? Deadline, string JurisdictionPath, int Version, string? NamedAs = null, string? Via = null);

public sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn, DeadlineState State);
public sealed record ReportView(Guid Id, string Period, string Progress, string? Difficulties, int PercentComplete, DateOnly SubmittedOn, string SubmittedBy, ReportState State);
public sealed record ReviewView(TrafficLight Light, string Comment, DateTimeOffset At, string By);
public sealed record OwedPeriod(string Period, DateOnly Due, ReportState State);

/// <param name="CanReport">The caller's unit is the task's unit.</param>
public sealed record TaskDetail(TaskRow Row, string MeasureBody, string Document, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ReportView> Reports,
    IReadOnlyList<ReviewView> Reviews, IReadOnlyList<OwedPeriod> Owed, bool CanReport);

/// <param name="Score">Out of 100 over the parts that could be rated; null when none could (未考核: listed last, unranked).</param>
/// <param name="Rank">1 = best; equal scores share the better rank; null when unrated.</param>
/// <param name="Unmarked">Tasks the supervisor has not marked: they count in no part of 督查评价.</param>
public sealed record UnitScore(Guid UnitId, string Unit, int Tasks, int ReportsOwed, int ReportsOnTime, int TasksDue, int TasksCompletedOnTime,
    int Green, int Yellow, int Red, int Unmarked, decimal? Score, int? Rank, string Explanation);

/// <summary>Measure tasks: the list with each task's reporting state, one task, and the units' assessment (考核).</summary>
public sealed class ReadTasks(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    /// <param name="Mine">Only the caller's unit's tasks (with the reminders and overdue flags it must act on).</param>
    /// <param name="AttentionOnly">Tasks someone must act on: a report due soon or overdue, a deadline passed, or a unit still to assign (待分派).</param>
    /// <param name="Unassigned">Only the tasks still to be assigned (待分派).</param>
    public sealed record Query(Guid? DocumentId = null, Guid? UnitId = null, bool Mine = false, bool AttentionOnly = false, int Page = 1, int PageSize = 50,
        bool Unassigned = false);

    public sealed record TaskPage(IReadOnlyList<TaskRow> Items, int Total);

    public async Task<TaskPage> List(Query q, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var tasks = db.MeasureTasks.AsNoTracking().AsQueryable();
        if (q.DocumentId is { } d) tasks = tasks.Where(t => t.DocumentId == d);
        if (q.UnitId is { } u) tasks = tasks.Where(t => t.UnitId == u);
        if (q.Unassigned) tasks = tasks.Where(t => t.Status == MeasureTaskStatus.Unassigned);
        if (q.Mine)
        {
            var unit = (await Caller.OfAsync(user, db, ct)).UnitId;
            tasks = tasks.Where(t => t.UnitId == unit);
        }
        var ordered = tasks.OrderBy(t => t.DocumentId).ThenBy(t => t.Title).ThenBy(t => t.Role);
        if (q.AttentionOnly)
        {
            // Needs the reporting state of every task: computed in memory over the filtered set.
            var all = await Rows(db, await ordered.ToListAsync(ct), ct);
            var attention = all.Where(r => r.Status == MeasureTaskStatus.Unassigned || r.ReportState is ReportState.DueSoon or ReportState.Overdue
                                           || r.OverdueReports > 0 || r.Deadline == DeadlineState.Overdue).ToList();
            return new TaskPage(attention.Skip((Math.Max(q.Page, 1) - 1) * q.PageSize).Take(q.PageSize).ToList(), attention.Count);
        }
        var total = await tasks.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, 500);
        var page = await ordered.Skip((Math.Max(q.Page, 1) - 1) * size).Take(size).ToListAsync(ct);
        return new TaskPage(await Rows(db, page, ct), total);
    }

    public async Task<TaskDetail> Get(Guid id, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var task = await db.MeasureTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("task", "任务不存在 (task not found)");
        var row = (await Rows(db, [task], ct))[0];
        var rules = await RulesFor(db, task.JurisdictionPath, ct);
        var today = BusinessDate.Today(clock);
        // The document (and its measure) may be kept above the unit's jurisdiction: a city's document tasks a district's unit.
        var measure = (await db.MeasureTextsAsync([task.MeasureId], ct)).GetValueOrDefault(task.MeasureId, "");
        var document = (await db.DocumentTitlesAsync([task.DocumentId], ct)).GetValueOrDefault(task.DocumentId, "");
        var milestones = await db.TaskMilestones.AsNoTracking().Where(m => m.TaskId == id).OrderBy(m => m.DueOn).ToListAsync(ct);
        var reports = await db.TaskReports.AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.Period).ToListAsync(ct);
        var reviews = await db.TaskReviews.AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.At).ToListAsync(ct);
        var submitted = reports.ToDictionary(r => r.Period, r => r.SubmittedOn);
        // A task without a unit owes no report until it is assigned.
        var owed = (task.UnitId is null ? [] : ReportingCalendar.Owed(task.StartOn, task.CompletedOn, today, rules.Reporting))
            .Select(p => new OwedPeriod(p.ToString(), ReportingCalendar.DueDate(p, rules.Reporting),
                ReportingCalendar.StateOf(p, submitted.TryGetValue(p.ToString(), out var on) ? on : null, today, rules.Reporting)))
            .Reverse().ToList();
        var caller = await Caller.OfAsync(user, db, ct);
        return new TaskDetail(row, measure, document,
            milestones.Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.DoneOn, Deadlines.StateOf(m.DueOn, m.DoneOn, today, rules.Reporting.ReminderDays))).ToList(),
            reports.Select(r => new ReportView(r.Id, r.Period, r.Progress, r.Difficulties, r.PercentComplete, r.SubmittedOn, r.SubmittedBy,
                ReportPeriod.TryParse(r.Period, out var p) ? ReportingCalendar.StateOf(p, r.SubmittedOn, today, rules.Reporting) : ReportState.OnTime)).ToList(),
            reviews.Select(r => new ReviewView(r.Light, r.Comment, r.At, r.By)).ToList(), owed,
            CanReport: user.Can(Permission.ReportProgress) && task.UnitId is not null && caller.UnitId == task.UnitId);
    }

    /// <summary>
    /// 考核 of every unit with tasks in a jurisdiction (default: the caller's scope), optionally of one document: on-time
    /// reporting, completion by the due date and the supervisor's marks, weighted by the jurisdiction's settings.
    /// </summary>
    public async Task<IReadOnlyList<UnitScore>> Assessment(Guid? jurisdictionId, Guid? documentId, CancellationToken ct)
    {
        user.Require(Permission.ViewSupervision);
        await using var db = dbs.Open();
        var path = jurisdictionId is { } j
            ? await db.Jurisdictions.Where(x => x.Id == j).Select(x => x.JurisdictionPath).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("jurisdictionId", "辖区不存在 (jurisdiction not found)")
            : user.Scope.Path;
        // A task still to be assigned (待分派) is no unit's: it counts for nobody until assigned.
        var tasks = db.MeasureTasks.AsNoTracking().Where(t => t.JurisdictionPath.StartsWith(path) && t.UnitId != null);
        if (documentId is { } d) tasks = tasks.Where(t => t.DocumentId == d);
        var list = await tasks.ToListAsync(ct);
        var ids = list.Select(t => t.Id).ToList();
        var reports = (await db.TaskReports.AsNoTracking().Where(r => ids.Contains(r.TaskId)).Select(r => new { r.TaskId, r.Period, r.SubmittedOn }).ToListAsync(ct))
            .ToLookup(r => r.TaskId);
        var rules = await RulesFor(db, path, ct);
        var units = await db.UnitNamesAsync(list.Select(t => t.UnitId!.Value), ct);
        var today = BusinessDate.Today(clock);
        var scores = list.GroupBy(t => t.UnitId!.Value).Select(g =>
        {
            int owed = 0, onTime = 0;
            foreach (var t in g)
            {
                var submitted = reports[t.Id].ToDictionary(r => r.Period, r => r.SubmittedOn);
                foreach (var p in ReportingCalendar.Owed(t.StartOn, t.CompletedOn, today, rules.Reporting))
                {
                    var state = ReportingCalendar.StateOf(p, submitted.TryGetValue(p.ToString(), out var on) ? on : null, today, rules.Reporting);
                    if (state is ReportState.DueSoon or ReportState.NotDue) continue;
                    owed++;
                    if (state == ReportState.OnTime) onTime++;
                }
            }
            var due = g.Where(t => t.Status == MeasureTaskStatus.Completed || t.DueOn is { } dd && dd < today).ToList();
            var completedOnTime = due.Count(t => t.CompletedOn is { } c && (t.DueOn is not { } dd || c <= dd));
            var lights = g.Where(t => t.Light is not null).Select(t => t.Light!.Value).ToList();
            var unmarked = g.Count(t => t.Light is null);
            var score = UnitAssessment.Score(new UnitRecord(owed, onTime, due.Count, completedOnTime, lights, unmarked), rules.Assessment);
            return new UnitScore(g.Key, units.GetValueOrDefault(g.Key, ""), g.Count(), owed, onTime, due.Count, completedOnTime,
                lights.Count(l => l == TrafficLight.Green), lights.Count(l => l == TrafficLight.Yellow), lights.Count(l => l == TrafficLight.Red), unmarked,
                score.Total, null, score.Explanation);
        }).ToList();
        // Rated units first by score (equal scores share a rank), then the unrated, unranked.
        var ranks = UnitAssessment.Ranks(scores.Select(s => s.Score).ToList());
        return scores.Select((s, n) => s with { Rank = ranks[n] })
            .OrderBy(s => s.Rank ?? int.MaxValue).ThenBy(s => s.Unit, StringComparer.Ordinal).ToList();
    }

    private Task<IReadOnlyList<TaskRow>> Rows(AppDbContext db, IReadOnlyList<MeasureTask> tasks, CancellationToken ct) =>
        RowsAsync(db, tasks, BusinessDate.Today(clock), ct);

    /// <summary>The tasks as the list shows them on a day (the inbox reads the same reporting states).</summary>
    internal static async Task<IReadOnlyList<TaskRow>> RowsAsync(AppDbContext db, IReadOnlyList<MeasureTask> tasks, DateOnly today, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = (await db.TaskReports.AsNoTracking().Where(r => ids.Contains(r.TaskId)).Select(r => new { r.TaskId, r.Period, r.SubmittedOn }).ToListAsync(ct))
            .ToLookup(r => r.TaskId);
        var units = await db.UnitNamesAsync(tasks.Select(t => t.UnitId).OfType<Guid>(), ct);
        var settings = await SupervisionSettingsReader.GoverningAsync(db, tasks.Select(t => t.JurisdictionPath), ct);
        return tasks.Select(t =>
        {
            var rules = SupervisionSettingsReader.RulesOf(InheritedConfiguration.Nearest(settings, t.JurisdictionPath)).Reporting;
            var submitted = reports[t.Id].ToDictionary(r => r.Period, r => r.SubmittedOn);
            var owed = t.UnitId is null ? [] : ReportingCalendar.Owed(t.StartOn, t.CompletedOn, today, rules);
            var states = owed.Select(p => (Period: p, State: ReportingCalendar.StateOf(p, submitted.TryGetValue(p.ToString(), out var on) ? on : null, today, rules))).ToList();
            var latest = states.Count > 0 ? states[^1] : ((ReportPeriod, ReportState)?)null;
            return new TaskRow(t.Id, t.Title, t.DocumentId, t.UnitId, t.UnitId is { } unit ? units.GetValueOrDefault(unit, "") : "", t.Role, t.StartOn, t.DueOn, t.Status, t.CompletedOn, t.Light,
                latest?.Item1.ToString(), latest?.Item2, latest is { } l ? ReportingCalendar.DueDate(l.Item1, rules) : null,
                states.Count(s => s.State == ReportState.Overdue),
                t.DueOn is { } due ? Deadlines.StateOf(due, t.CompletedOn, today, rules.ReminderDays) : null, t.JurisdictionPath, t.Version, t.NamedAs, t.Via);
        }).ToList();
    }

    private static async Task<SupervisionRules> RulesFor(AppDbContext db, string path, CancellationToken ct) =>
        SupervisionSettingsReader.RulesOf(await SupervisionSettingsReader.ForPathAsync(db, path, ct));
}
