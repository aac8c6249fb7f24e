using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Api;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Supervision;

namespace Qianglian.Web.Modules.Projects;

/// <summary>A problem of a monthly report as its ticket in the problem ledger stands now.</summary>
public sealed record ProblemView(Guid Id, Guid ProjectId, Guid ReportId, ProblemCategory Category, string Description, ProblemStatus Status,
    EscalationLevel Level, string? Resolution, DateTimeOffset? ResolvedAt);

/// <summary>
/// Integration with supervision: a problem a monthly report raises is filed as a ticket of the problem ledger (source
/// 项目月报, the project's enterprise and chain), and the report keeps only the link; the dispatch and the project page
/// read the ticket back.
/// </summary>
public static class ReportProblems
{
    /// <summary>Files the report's problem as a ledger ticket in the caller's unit of work (saved with the report).</summary>
    public static async Task File(AppDbContext db, Project project, MonthlyReport report, ProblemCategory category, string description,
        string filedBy, DateTimeOffset now, CancellationToken ct)
    {
        var enterprise = await EnterpriseOf(db, project, ct)
                         ?? throw new ValidationException("problems", "项目未关联企业，问题无法登记入问题台账，请先为项目选择企业 (the project has no enterprise to file the problem for)");
        var name = project.Name.Length > 80 ? project.Name[..80] : project.Name;
        var text = description.Trim();
        var ticket = await FileProblem.Open(db, enterprise, project.ChainId, category, $"{name}：{SupervisionLabels.Of(category)}问题（{report.Year}年{report.Month}月调度）",
            text.Length > 4000 ? text[..4000] : text, ProblemSource.ProjectMonthlyReport, $"{name} {report.Year}年{report.Month}月调度报告", filedBy, now, ct);
        db.Add(new ReportProblem { ReportId = report.Id, ProblemId = ticket.Id }.For<ReportProblem>(project));
    }

    public static Task<Enterprises.Enterprise?> EnterpriseOf(AppDbContext db, Project project, CancellationToken ct) =>
        project.EnterpriseId is { } id ? db.Enterprises.FirstOrDefaultAsync(e => e.Id == id, ct) : Task.FromResult<Enterprises.Enterprise?>(null);

    /// <summary>The tickets of the given projects' reports, as the ledger has them now.</summary>
    public static async Task<List<ProblemView>> OfProjectsAsync(AppDbContext db, IReadOnlyCollection<Guid> projectIds, CancellationToken ct) =>
        (await (from link in db.Set<ReportProblem>().AsNoTracking()
                join p in db.Problems.AsNoTracking() on link.ProblemId equals p.Id
                where projectIds.Contains(link.ProjectId)
                select new { link.ProjectId, link.ReportId, p.Id, p.Category, p.Description, p.Status, p.Level, p.Resolution, p.ResolvedAt }).ToListAsync(ct))
        .Select(x => new ProblemView(x.Id, x.ProjectId, x.ReportId, x.Category, x.Description, x.Status, x.Level, x.Resolution, x.ResolvedAt)).ToList();
}
