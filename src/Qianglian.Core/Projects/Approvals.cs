namespace Qianglian.Core.Projects;

/// <summary>规划、用地、环评、能评、安评、施工许可 — the approvals 安康 九 and 攀枝花 十三 track.</summary>
public enum ApprovalKind { Planning = 1, Land = 2, Environment = 3, Energy = 4, Safety = 5, ConstructionPermit = 6 }

/// <summary>An approval as the figures see it.</summary>
public sealed record ApprovalRecord(ApprovalKind Kind, ApprovalStatus Status, DateOnly? SubmittedOn, DateOnly? ApprovedOn, DateOnly? CommitmentDeadline);

/// <param name="Required">Approvals the project needs (not marked 不需要).</param>
/// <param name="Done">Of those, approved.</param>
/// <param name="Rate">办结率 = done / required; null when nothing is required.</param>
/// <param name="ElapsedWorkingDays">From the first submission to the last approval (or to today while open).</param>
/// <param name="Limit">The working days allowed (安康: 70); 0 when the jurisdiction sets none.</param>
/// <param name="OverLimit">The elapsed time exceeds the limit — never without a limit.</param>
/// <param name="OverdueCommitments">容缺 commitments whose deadline has passed without the approval.</param>
/// <param name="CalendarMissingYears">Years of the elapsed span whose holiday arrangement is not entered: counted on
/// weekends alone (该年度节假日安排未录入，按周末计算).</param>
public sealed record ApprovalFigures(int Required, int Done, decimal? Rate, int? ElapsedWorkingDays, int Limit, bool OverLimit,
    IReadOnlyList<ApprovalKind> OverdueCommitments, IReadOnlyList<int> CalendarMissingYears);

public static class ApprovalRules
{
    public static string Name(ApprovalKind kind) => kind switch
    {
        ApprovalKind.Planning => "规划", ApprovalKind.Land => "用地", ApprovalKind.Environment => "环评",
        ApprovalKind.Energy => "能评", ApprovalKind.Safety => "安评", _ => "施工许可",
    };

    /// <summary>
    /// A project's approval figures. Approvals without a record count as required and not done; elapsed time runs
    /// from the earliest submission to the latest approval once all are done, else to today.
    /// </summary>
    public static ApprovalFigures Assess(IReadOnlyList<ApprovalRecord> records, HolidayCalendar calendar, int limit, DateOnly today)
    {
        var byKind = records.ToDictionary(r => r.Kind);
        var required = Enum.GetValues<ApprovalKind>().Where(k => !byKind.TryGetValue(k, out var r) || r.Status != ApprovalStatus.NotRequired).ToList();
        var done = required.Count(k => byKind.TryGetValue(k, out var r) && r.Status == ApprovalStatus.Approved);
        var submitted = records.Where(r => r.SubmittedOn is not null).Select(r => r.SubmittedOn!.Value).ToList();
        int? elapsed = null;
        IReadOnlyList<int> missing = [];
        if (submitted.Count > 0)
        {
            var allDone = done == required.Count;
            var end = allDone ? records.Where(r => r.ApprovedOn is not null).Select(r => r.ApprovedOn!.Value).DefaultIfEmpty(today).Max() : today;
            elapsed = calendar.Elapsed(submitted.Min(), end);
            missing = calendar.YearsWithoutCalendar(submitted.Min(), end);
        }
        var overdue = records.Where(r => r.Status == ApprovalStatus.Tolerated && r.CommitmentDeadline is { } d && d < today).Select(r => r.Kind).ToList();
        return new ApprovalFigures(required.Count, done, required.Count == 0 ? null : (decimal)done / required.Count, elapsed, limit,
            limit > 0 && elapsed > limit, overdue, missing);
    }

    /// <summary>办结率 of a set of projects: approvals done over approvals required, all projects pooled.</summary>
    public static decimal? PooledRate(IEnumerable<ApprovalFigures> figures)
    {
        var list = figures.ToList();
        var required = list.Sum(f => f.Required);
        return required == 0 ? null : (decimal)list.Sum(f => f.Done) / required;
    }
}
