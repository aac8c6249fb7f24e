using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Projects;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Modules.Projects;
using Workbooks = Qianglian.Web.Shared.Excel.Workbooks;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>A new project of the caller's own enterprise (own) or of another jurisdiction's enterprise (other).</summary>
    private static async Task<Project> FreshProject(ScopingWorld w, string role, Target t, bool started = false)
    {
        var enterprise = t == Target.Own ? w.OwnRow(typeof(Enterprise), role) : w.Rows[typeof(Enterprise)].Other;
        var today = BusinessDate.Today(TimeProvider.System);
        await using var db = w.Host.OpenSystem();
        var project = new Project
        {
            JurisdictionId = Place(w, t), EnterpriseId = enterprise, Name = $"矩阵项目{Next()}", ListedOn = today.AddDays(-30),
            TotalInvestment = 100_000_000m, EquipmentInvestment = 50_000_000m,
        };
        if (started) (project.Stage, project.SignedOn, project.ActualStart) = (ProjectStage.Started, today.AddDays(-20), today.AddDays(-10));
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project;
    }

    /// <summary>A monthly report (with one photo) of a new project in construction.</summary>
    private static async Task<(MonthlyReport Report, ReportPhoto Photo)> FreshReport(ScopingWorld w, string role, Target t)
    {
        var project = await FreshProject(w, role, t, started: true);
        var today = BusinessDate.Today(TimeProvider.System);
        await using var db = w.Host.OpenSystem();
        var report = new MonthlyReport { Year = today.Year, Month = today.Month, MonthInvestment = 1_000_000m, Progress = "探针", FiledOn = today, FiledAt = DateTimeOffset.UtcNow, FiledBy = "probe" }.For<MonthlyReport>(project);
        var photo = new ReportPhoto { ReportId = report.Id, FileName = "p.png", ContentType = "image/png", Content = Png }.For<ReportPhoto>(project);
        db.AddRange(report, photo);
        await db.SaveChangesAsync();
        return (report, photo);
    }

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static HttpRequestMessage Upload(string url, byte[] file, string name = "file.xlsx", string? type = null)
    {
        var content = new ByteArrayContent(file);
        if (type is not null) content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { content, "file", name } } };
    }

    private static (int Year, int Month) ThisMonth()
    {
        var today = BusinessDate.Today(TimeProvider.System);
        return (today.Year, today.Month);
    }

    /// <summary>The whole of a project credited to its own place (分投资/分产值), so the matrix has a share to point elsewhere.</summary>
    private static object[] OwnShare(ScopingWorld w, Target t) => [new { localityId = Place(w, t), investmentPercent = 100m, outputPercent = 100m }];

    /// <summary>The key-project library.</summary>
    private static readonly ProbeSet ProjectProbes = new()
    {
        ["GET /api/v1/projects"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects")),
        ["GET /api/v1/projects/board"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/board")),
        ["GET /api/v1/projects/{id:guid}"] = async (w, r, t) => Get($"/api/v1/projects/{(await FreshProject(w, r, t)).Id}"),
        ["GET /api/v1/projects/{id:guid}/detail"] = async (w, r, t) => Get($"/api/v1/projects/{(await FreshProject(w, r, t)).Id}/detail"),
        ["POST /api/v1/projects"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/projects",
            new { jurisdictionId = Place(w, t), project = new { name = $"矩阵新项目{Next()}", totalInvestment = 1_000_000m, shares = OwnShare(w, t) } })),
        ["PUT /api/v1/projects/{id:guid}"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/projects/{p.Id}", new { project = new { name = p.Name + "（改）", totalInvestment = 2_000_000m, shares = OwnShare(w, t) }, version = p.Version });
        },
        ["POST /api/v1/projects/{id:guid}/stage"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Send(HttpMethod.Post, $"/api/v1/projects/{p.Id}/stage", new { to = "Signed", version = p.Version });
        },
        ["PUT /api/v1/projects/{id:guid}/milestones"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/projects/{p.Id}/milestones", new { milestones = new[] { new { kind = "LandAcquired", plannedOn = "2030-01-01" } }, version = p.Version });
        },
        ["PUT /api/v1/projects/{id:guid}/approvals"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/projects/{p.Id}/approvals", new { kind = "Planning", status = "InProgress", submittedOn = "2024-01-02", version = p.Version });
        },
        ["POST /api/v1/projects/{id:guid}/reports"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t, started: true);
            var (year, month) = ThisMonth();
            return Send(HttpMethod.Post, $"/api/v1/projects/{p.Id}/reports", new { year, month, monthInvestment = 1_000_000m, progress = "探针", problems = new[] { new { category = "Land", description = "探针问题" } } });
        },
        ["GET /api/v1/projects/dispatch"] = (_, _, _) => Task.FromResult(Get($"/api/v1/projects/dispatch?year={ThisMonth().Year}&month={ThisMonth().Month}")),
        ["GET /api/v1/projects/bulletin"] = (_, _, _) => Task.FromResult(Get($"/api/v1/projects/bulletin?year={ThisMonth().Year}&month={ThisMonth().Month}")),
        ["GET /api/v1/projects/bulletin.docx"] = (_, _, _) => Task.FromResult(Get($"/api/v1/projects/bulletin.docx?year={ThisMonth().Year}&month={ThisMonth().Month}")),
        ["GET /api/v1/projects/targets"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/targets?year=2024")),
        ["GET /api/v1/projects/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/template.xlsx")),
        ["GET /api/v1/projects/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/export.xlsx")),
        ["POST /api/v1/projects/import"] = (w, _, t) => Task.FromResult(Upload($"/api/v1/projects/import?jurisdictionId={Place(w, t)}",
            Workbooks.Rows("重点项目库", [new Dictionary<string, object?> { ["项目名称"] = $"导入项目{Next()}", ["总投资（万元）"] = 100 }]))),
        ["GET /api/v1/projects/reports/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/reports/template.xlsx")),
        ["GET /api/v1/projects/reports/export.xlsx"] = (_, _, _) => Task.FromResult(Get($"/api/v1/projects/reports/export.xlsx?year={ThisMonth().Year}")),
        ["POST /api/v1/projects/reports/import"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t, started: true);
            var (year, month) = ThisMonth();
            return Upload("/api/v1/projects/reports/import", Workbooks.Rows("月度调度", [new Dictionary<string, object?>
                { ["项目名称"] = p.Name, ["年"] = year, ["月"] = month, ["本月完成投资（万元）"] = 50 }]));
        },
        ["GET /api/v1/projects/approvals/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/approvals/template.xlsx")),
        ["GET /api/v1/projects/approvals/export.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/projects/approvals/export.xlsx")),
        ["POST /api/v1/projects/approvals/import"] = async (w, r, t) =>
        {
            var p = await FreshProject(w, r, t);
            return Upload("/api/v1/projects/approvals/import", Workbooks.Rows("审批手续", [new Dictionary<string, object?>
                { ["项目名称"] = p.Name, ["手续"] = "规划", ["状态"] = "办理中", ["申报日期"] = "2024-03-01" }]));
        },
        ["PUT /api/v1/reports/{id:guid}"] = async (w, r, t) =>
        {
            var (report, _) = await FreshReport(w, r, t);
            return Send(HttpMethod.Put, $"/api/v1/reports/{report.Id}", new { monthInvestment = 2_000_000m, progress = "更正", version = report.Version });
        },
        ["POST /api/v1/reports/{id:guid}/photos"] = async (w, r, t) =>
            Upload($"/api/v1/reports/{(await FreshReport(w, r, t)).Report.Id}/photos", Png, "site.png", "image/png"),
        ["GET /api/v1/report-photos/{id:guid}"] = async (w, r, t) => Get($"/api/v1/report-photos/{(await FreshReport(w, r, t)).Photo.Id}"),
        ["GET /api/v1/holidays"] = (_, _, _) => Task.FromResult(Get("/api/v1/holidays?year=2026")),
        ["GET /api/v1/holidays/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/holidays/template.xlsx")),
        ["POST /api/v1/holidays/import"] = (w, _, t) => Task.FromResult(Upload($"/api/v1/holidays/import?jurisdictionId={Place(w, t)}",
            Workbooks.Rows("节假日", [new Dictionary<string, object?> { ["日期"] = "2026-10-01", ["类型"] = "休", ["名称"] = "国庆节" }]))),
        ["POST /api/v1/holidays"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/holidays",
            new { jurisdictionId = Place(w, t), date = "2031-10-04", isWorkingDay = true, name = "探针调休上班" })),
        ["DELETE /api/v1/holidays/{id:guid}"] = async (w, _, t) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/holidays/{await FreshHoliday(w, t)}"),
        ["GET /api/v1/holidays/notices"] = (_, _, _) => Task.FromResult(Get("/api/v1/holidays/notices?year=2026")),
        ["POST /api/v1/holidays/notices"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/holidays/notices",
            new { jurisdictionId = Place(w, t), year = 2031, title = "探针通知", documentNumber = "探〔2026〕1号", issuedOn = "2026-01-05" })),
        ["DELETE /api/v1/holidays/notices/{id:guid}"] = async (w, _, t) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/holidays/notices/{await FreshNotice(w, t)}"),
    };

    /// <summary>A day kept at the own or other place, on a date no probe used before.</summary>
    private static async Task<Guid> FreshHoliday(ScopingWorld w, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var entry = new HolidayEntry { JurisdictionId = Place(w, t), Date = new DateOnly(2060, 1, 1).AddDays(Next()), Name = "探针假日" };
        db.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    /// <summary>A notice kept at the own or other place, for a year it has none of.</summary>
    private static async Task<Guid> FreshNotice(ScopingWorld w, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var place = Place(w, t);
        var taken = await db.Set<HolidayNotice>().Where(n => n.JurisdictionId == place).Select(n => n.Year).ToListAsync();
        var notice = new HolidayNotice { JurisdictionId = place, Year = Enumerable.Range(2040, 61).First(y => !taken.Contains(y)), Title = "探针通知" };
        db.Add(notice);
        await db.SaveChangesAsync();
        return notice.Id;
    }
}
