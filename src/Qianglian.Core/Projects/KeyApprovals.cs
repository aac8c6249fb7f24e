namespace Qianglian.Core.Projects;

/// <summary>One project's main approvals as the 办结率 reads them.</summary>
public sealed record KeyProjectApprovals(string Project, IReadOnlyList<ApprovalRecord> Records);

/// <param name="Required">Main approvals the projects need (not marked 不需要; one without a record is needed and not done).</param>
/// <param name="Done">Of those, approved on or before <paramref name="Deadline"/>.</param>
/// <param name="Rate">Done ÷ required (0–1); null when no project needs any (no figure, never 0).</param>
/// <param name="Outstanding">Each project with what it had not finished by the deadline (规划、用地 …).</param>
public sealed record KeyApprovalFigures(DateOnly Deadline, int Projects, int Required, int Done, decimal? Rate, IReadOnlyList<(string Project, IReadOnlyList<ApprovalKind> Kinds)> Outstanding);

/// <summary>
/// 安康 九: "确保年度市级重点工业项目规划、土地、环评、能评等主要手续办结率二季度达到100%". The rate of a year counts the
/// main approvals — 规划、用地、环评、能评 — of the year's city-key projects that were completed by the end of the second
/// quarter, 30 June of that year: an approval completed in July is late for the figure, however it stands today.
/// </summary>
public static class KeyApprovals
{
    public static readonly IReadOnlyList<ApprovalKind> Main = [ApprovalKind.Planning, ApprovalKind.Land, ApprovalKind.Environment, ApprovalKind.Energy];

    /// <summary>The end of the second quarter of the year (二季度末).</summary>
    public static DateOnly Deadline(int year) => new(year, 6, 30);

    public static KeyApprovalFigures Of(IReadOnlyList<KeyProjectApprovals> projects, int year)
    {
        var deadline = Deadline(year);
        int required = 0, done = 0;
        var outstanding = new List<(string, IReadOnlyList<ApprovalKind>)>();
        foreach (var p in projects)
        {
            var missing = new List<ApprovalKind>();
            foreach (var kind in Main)
            {
                var a = p.Records.FirstOrDefault(r => r.Kind == kind);
                if (a?.Status == ApprovalStatus.NotRequired) continue;
                required++;
                if (a is { Status: ApprovalStatus.Approved, ApprovedOn: { } on } && on <= deadline) done++;
                else missing.Add(kind);
            }
            if (missing.Count > 0) outstanding.Add((p.Project, missing));
        }
        return new KeyApprovalFigures(deadline, projects.Count, required, done, required == 0 ? null : (decimal)done / required, outstanding);
    }
}
