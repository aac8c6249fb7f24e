using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Core.Supervision;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Projects;

// Monthly reports and approvals to and from .xlsx.
public sealed partial class ProjectExcel
{
    public const string Year = "年", Month = "月", MonthInvestment = "本月完成投资（万元）", ProgressPercent = "形象进度（%）", Progress = "进展情况",
        ProblemCategoryCol = "问题类别", ProblemCol = "存在问题", Cumulative = "累计完成投资（万元）", FiledOn = "填报日期",
        ApprovalCol = "手续", StatusCol = "状态", Submitted = "申报日期", Approved = "办结日期", Deadline = "承诺时限", Commitment = "承诺事项", Note = "备注";

    internal static readonly Dictionary<string, ProblemCategory> Categories = new()
    {
        ["土地"] = ProblemCategory.Land, ["电力"] = ProblemCategory.Power, ["融资"] = ProblemCategory.Finance, ["审批"] = ProblemCategory.Approvals,
        ["人才"] = ProblemCategory.Talent, ["市场"] = ProblemCategory.Market, ["其他"] = ProblemCategory.Other,
    };
    internal static readonly Dictionary<string, ApprovalKind> ApprovalKinds = Enum.GetValues<ApprovalKind>().ToDictionary(ApprovalRules.Name);
    internal static readonly Dictionary<string, ApprovalStatus> Statuses = new()
    {
        ["未申报"] = ApprovalStatus.NotStarted, ["办理中"] = ApprovalStatus.InProgress, ["已办结"] = ApprovalStatus.Approved,
        ["容缺受理"] = ApprovalStatus.Tolerated, ["不需要"] = ApprovalStatus.NotRequired,
    };

    public byte[] ReportsTemplate() => Workbooks.Template("月度调度", [Name, Place, Year, Month, MonthInvestment, ProgressPercent, Progress, ProblemCategoryCol, ProblemCol],
    [
        (Name, "必填，库内项目名称"), (Place, "项目所属辖区代码，项目名称在可见范围内唯一时可空"), (Year, "必填"), (Month, "必填，1–12，不能是未来月份"),
        (MonthInvestment, "必填，万元；累计不能超过总投资"), (ProgressPercent, "0–100"), (ProblemCategoryCol, "土地/电力/融资/审批/人才/市场/其他"),
        (ProblemCol, "本月存在的问题，一行一个报告；已填报的月份则更正该月"),
    ]);

    public byte[] ApprovalsTemplate() => Workbooks.Template("审批手续", [Name, Place, ApprovalCol, StatusCol, Submitted, Approved, Deadline, Commitment, Note],
    [
        (Name, "必填"), (ApprovalCol, "规划/用地/环评/能评/安评/施工许可"), (StatusCol, "未申报/办理中/已办结/容缺受理/不需要"),
        (Submitted, "申报（受理）日期"), (Approved, "已办结必填"), (Deadline, "容缺受理必填：承诺办结时限"), (Commitment, "容缺受理必填：承诺事项"),
    ]);

    public async Task<byte[]> ExportReports(int year, int? month, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var reports = await db.Set<MonthlyReport>().AsNoTracking().Where(r => r.Year == year && (month == null || r.Month == month))
            .OrderBy(r => r.Month).ToListAsync(ct);
        var ids = reports.Select(r => r.ProjectId).Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var codes = await CodesOf(db, projects.Values, ct);
        var all = (await db.Set<MonthlyReport>().AsNoTracking().Where(r => ids.Contains(r.ProjectId)).Select(r => new { r.ProjectId, r.Year, r.Month, r.MonthInvestment }).ToListAsync(ct)).ToLookup(r => r.ProjectId);
        var problems = (await ReportProblems.OfProjectsAsync(db, ids, ct)).ToLookup(p => p.ReportId);
        var rows = reports.Where(r => projects.ContainsKey(r.ProjectId)).OrderBy(r => projects[r.ProjectId].Name).ThenBy(r => r.Month).Select(r =>
        {
            var p = projects[r.ProjectId];
            var first = problems[r.Id].FirstOrDefault();
            return (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Name] = p.Name, [Place] = codes.GetValueOrDefault(p.JurisdictionId), [Year] = r.Year, [Month] = r.Month, [MonthInvestment] = r.MonthInvestment / 10_000m,
                [ProgressPercent] = r.ProgressPercent, [Progress] = r.Progress,
                [ProblemCategoryCol] = first is null ? null : Categories.First(c => c.Value == first.Category).Key,
                [ProblemCol] = string.Join("；", problems[r.Id].Select(x => x.Description)),
                [Cumulative] = all[r.ProjectId].Where(x => x.Year * 100 + x.Month <= r.Year * 100 + r.Month).Sum(x => x.MonthInvestment) / 10_000m,
                [FiledOn] = r.FiledOn.ToString("yyyy-MM-dd"),
            };
        });
        return Workbooks.Rows("月度调度", rows);
    }

    public async Task<ImportReport> ImportReports(Stream file, CancellationToken ct)
    {
        user.Require(Permission.ReportProjects);
        var sheet = SheetReader.Open(file, [Name, Year, Month, MonthInvestment], [Place, ProgressPercent, Progress, ProblemCategoryCol, ProblemCol, Cumulative, FiledOn]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var finder = await ProjectFinder.LoadAsync(db, ct);
        var today = BusinessDate.Today(clock);
        var errors = new List<ImportError>();
        var rows = new List<(int Row, Project Project, int Year, int Month, decimal Amount, int? Percent, string Progress, ProblemCategory? Category, string Problem)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            var c = new Cells(cells, number, errors);
            var project = finder.Find(c, Name, Place);
            int? year = c.Int(Year), month = c.Int(Month), percent = c.Int(ProgressPercent);
            var amount = c.Wan(MonthInvestment);
            if (amount is null && c[MonthInvestment].Length == 0) c.Error(MonthInvestment, "本月完成投资不能为空 (required)");
            if (year is null || month is null) { if (c[Year].Length == 0 || c[Month].Length == 0) c.Error(Month, "年、月不能为空 (required)"); continue; }
            if (project is null || amount is null) continue;
            if (rows.Any(r => r.Project.Id == project.Id && r.Year == year && r.Month == month)) c.Error(Month, $"{year}年{month}月在文件中重复 (duplicate row)");
            rows.Add((number, project, year.Value, month.Value, amount.Value, percent, c[Progress], c.Pick(ProblemCategoryCol, Categories), c[ProblemCol]));
        }
        var ids = rows.Select(r => r.Project.Id).Distinct().ToList();
        var stored = await db.Set<MonthlyReport>().Where(r => ids.Contains(r.ProjectId)).ToListAsync(ct);
        foreach (var r in rows)
        {
            var others = stored.Where(s => s.ProjectId == r.Project.Id && !(s.Year == r.Year && s.Month == r.Month)).Sum(s => s.MonthInvestment)
                         + rows.Where(x => x.Project.Id == r.Project.Id && !(x.Year == r.Year && x.Month == r.Month) && !stored.Any(s => s.ProjectId == x.Project.Id && s.Year == x.Year && s.Month == x.Month)).Sum(x => x.Amount);
            foreach (var (field, message) in Dispatch.Check(r.Year, r.Month, today, r.Amount, others, r.Project.TotalInvestment, r.Percent))
                errors.Add(new ImportError(r.Row, field == "progressPercent" ? ProgressPercent : field == "month" ? Month : MonthInvestment, message));
            if (!Dispatch.MustReport(r.Project.ActualStart, r.Project.ActualCompletion, r.Project.TerminatedOn, r.Year, r.Month))
                errors.Add(new ImportError(r.Row, Month, $"“{r.Project.Name}”{r.Year}年{r.Month}月不在建设期，无需调度 (not under construction that month)"));
            if (r.Problem.Length > 0 && r.Project.EnterpriseId is null)
                errors.Add(new ImportError(r.Row, ProblemCol, $"“{r.Project.Name}”未关联企业，问题无法登记入问题台账 (the project has no enterprise to file the problem for)"));
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);
        int inserted = 0, updated = 0;
        foreach (var r in rows)
        {
            var report = stored.FirstOrDefault(s => s.ProjectId == r.Project.Id && s.Year == r.Year && s.Month == r.Month);
            if (report is null)
            {
                report = new MonthlyReport { Year = r.Year, Month = r.Month, FiledOn = today, FiledAt = clock.GetUtcNow(), FiledBy = user.Name }.For<MonthlyReport>(r.Project);
                db.Add(report);
                inserted++;
            }
            else updated++;
            (report.MonthInvestment, report.ProgressPercent, report.Progress) = (r.Amount, r.Percent, r.Progress);
            if (r.Problem.Length > 0)
                await ReportProblems.File(db, r.Project, report, r.Category ?? ProblemCategory.Other, r.Problem, user.Name, clock.GetUtcNow(), ct);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }

    public async Task<byte[]> ExportApprovals(CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        await using var db = dbs.Open();
        var approvals = await db.Set<ProjectApproval>().AsNoTracking().ToListAsync(ct);
        var ids = approvals.Select(a => a.ProjectId).Distinct().ToList();
        var projects = await db.Set<Project>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var codes = await CodesOf(db, projects.Values, ct);
        var rows = approvals.Where(a => projects.ContainsKey(a.ProjectId)).OrderBy(a => projects[a.ProjectId].Name).ThenBy(a => a.Kind)
            .Select(a => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Name] = projects[a.ProjectId].Name, [Place] = codes.GetValueOrDefault(projects[a.ProjectId].JurisdictionId), [ApprovalCol] = ApprovalRules.Name(a.Kind),
                [StatusCol] = Statuses.First(s => s.Value == a.Status).Key, [Submitted] = a.SubmittedOn?.ToString("yyyy-MM-dd"), [Approved] = a.ApprovedOn?.ToString("yyyy-MM-dd"),
                [Deadline] = a.CommitmentDeadline?.ToString("yyyy-MM-dd"), [Commitment] = a.Commitment, [Note] = a.Note,
            });
        return Workbooks.Rows("审批手续", rows);
    }

    public async Task<ImportReport> ImportApprovals(Stream file, CancellationToken ct)
    {
        user.Require(Permission.ManageProjects);
        var sheet = SheetReader.Open(file, [Name, ApprovalCol, StatusCol], [Place, Submitted, Approved, Deadline, Commitment, Note]);
        if (sheet.HeaderErrors.Count > 0) return ImportReport.Refused(sheet.HeaderErrors);
        await using var db = dbs.Open();
        var finder = await ProjectFinder.LoadAsync(db, ct);
        var today = BusinessDate.Today(clock);
        var errors = new List<ImportError>();
        var rows = new List<(Project Project, ApprovalKind Kind, ApprovalStatus Status, DateOnly? Submitted, DateOnly? Approved, DateOnly? Deadline, string Commitment, string Note)>();
        foreach (var (number, cells) in sheet.Rows)
        {
            var c = new Cells(cells, number, errors);
            var project = finder.Find(c, Name, Place);
            var kind = c.Pick(ApprovalCol, ApprovalKinds);
            var status = c.Pick(StatusCol, Statuses);
            if (kind is null && c[ApprovalCol].Length == 0) c.Error(ApprovalCol, "手续不能为空 (required)");
            if (status is null && c[StatusCol].Length == 0) c.Error(StatusCol, "状态不能为空 (required)");
            DateOnly? submitted = c.Date(Submitted), approved = c.Date(Approved), deadline = c.Date(Deadline);
            if (project is null || kind is null || status is null) continue;
            foreach (var (field, message) in EditProjectParts.CheckApproval(status.Value, submitted, approved, deadline, c[Commitment], today))
                c.Error(field switch { "approvedOn" => Approved, "commitmentDeadline" => Deadline, "commitment" => Commitment, _ => Submitted }, message);
            if (rows.Any(r => r.Project.Id == project.Id && r.Kind == kind)) c.Error(ApprovalCol, $"“{project.Name}”的{c[ApprovalCol]}在文件中重复 (duplicate row)");
            rows.Add((project, kind.Value, status.Value, submitted, approved, deadline, c[Commitment], c[Note]));
        }
        if (errors.Count > 0) return ImportReport.Refused(errors, rows.Count);
        var ids = rows.Select(r => r.Project.Id).Distinct().ToList();
        var stored = await db.Set<ProjectApproval>().Where(a => ids.Contains(a.ProjectId)).ToListAsync(ct);
        int inserted = 0, updated = 0;
        foreach (var r in rows)
        {
            var row = stored.FirstOrDefault(a => a.ProjectId == r.Project.Id && a.Kind == r.Kind);
            if (row is null) { row = new ProjectApproval { Kind = r.Kind }.For<ProjectApproval>(r.Project); db.Add(row); inserted++; }
            else updated++;
            EditProjectParts.Apply(row, r.Status, r.Submitted, r.Approved, r.Deadline, r.Commitment, r.Note);
        }
        await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, inserted, updated, true, []);
    }

    /// <summary>The codes of the projects' jurisdictions: a visible project lies in the caller's subtree, so its place is visible too.</summary>
    private static async Task<Dictionary<Guid, string>> CodesOf(AppDbContext db, IEnumerable<Project> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.JurisdictionId).Distinct().ToList();
        return await db.Jurisdictions.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Code, ct);
    }

    /// <summary>Finds a row's project by name, within the given jurisdiction code when the name is not unique in view.</summary>
    private sealed class ProjectFinder(List<Project> projects, Dictionary<Guid, string> codes)
    {
        public static async Task<ProjectFinder> LoadAsync(AppDbContext db, CancellationToken ct)
        {
            var projects = await db.Set<Project>().AsNoTracking().ToListAsync(ct);
            return new(projects, await CodesOf(db, projects, ct));
        }

        public Project? Find(Cells c, string nameColumn, string placeColumn)
        {
            var name = c[nameColumn];
            if (name.Length == 0) { c.Error(nameColumn, "项目名称不能为空 (required)"); return null; }
            var matches = projects.Where(p => p.Name == name && (c[placeColumn].Length == 0 || codes.GetValueOrDefault(p.JurisdictionId) == c[placeColumn])).ToList();
            if (matches.Count == 1) return matches[0];
            c.Error(nameColumn, matches.Count == 0 ? $"库内没有项目“{name}” (no such project)" : $"“{name}”有多个同名项目，请填写辖区代码 (ambiguous: give the jurisdiction code)");
            return null;
        }
    }
}
