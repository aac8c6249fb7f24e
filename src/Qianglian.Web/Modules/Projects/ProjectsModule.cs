using Microsoft.AspNetCore.Mvc;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Components.Shared;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Projects;

/// <summary>The key-project library: services and /api/v1 endpoints.</summary>
public static class ProjectsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ReadProjects>();
        services.AddScoped<ReadSharedIn>();
        services.AddScoped<SaveProject>();
        services.AddScoped<ChangeStage>();
        services.AddScoped<EditProjectParts>();
        services.AddScoped<ReadProjectDetail>();
        services.AddScoped<FileReport>();
        services.AddScoped<ReadDispatch>();
        services.AddScoped<HolidayCalendarExcel>();
        services.AddScoped<SaveHolidays>();
        services.AddScoped<ReadHolidayNotices>();
        services.AddScoped<HolidayNoticeLoader>();
        services.AddScoped<TrackTargets>();
        services.AddScoped<ReadBoard>();
        services.AddScoped<ProjectExcel>();
        services.AddScoped<ProjectRulesLoader>();
        services.AddScoped<IMetricSource, ProjectMetrics>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects");
        g.MapGet("", ([AsParameters] ReadProjects.Query q, ReadProjects h, CancellationToken ct) => h.List(q, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.List);
        g.MapGet("/shared-in", (ReadSharedIn h, CancellationToken ct) => h.Handle(ct))
            .Access<ProjectShare>(Permission.ViewProjects, ApiOperation.List);
        g.MapGet("/{id:guid}", (Guid id, ReadProjects h, CancellationToken ct) => h.Get(id, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.Get);
        g.MapGet("/{id:guid}/detail", (Guid id, ReadProjectDetail h, CancellationToken ct) => h.Handle(id, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.Get);
        g.MapPost("", async (SaveProject.CreateRequest r, SaveProject h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
            })
            .Access<Project>(Permission.ManageProjects, ApiOperation.Create);
        g.MapPut("/{id:guid}", (Guid id, SaveProject.UpdateRequest r, SaveProject h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<Project>(Permission.ManageProjects, ApiOperation.Update);
        g.MapPost("/{id:guid}/stage", (Guid id, ChangeStage.Request r, ChangeStage h, CancellationToken ct) => h.Handle(id, r, ct))
            .Access<Project>(Permission.ManageProjects, ApiOperation.Action);
        g.MapPut("/{id:guid}/milestones", (Guid id, EditProjectParts.MilestonesRequest r, EditProjectParts h, CancellationToken ct) => NoContent(h.SetMilestones(id, r, ct)))
            .Access<Project>(Permission.ManageProjects, ApiOperation.Update);
        g.MapPut("/{id:guid}/approvals", (Guid id, EditProjectParts.ApprovalRequest r, EditProjectParts h, CancellationToken ct) => NoContent(h.SetApproval(id, r, ct)))
            .Access<Project>(Permission.ManageProjects, ApiOperation.Update);
        g.MapPost("/{id:guid}/reports", async (Guid id, FileReport.Request r, FileReport h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.File(id, r, ct) }))
            .Access<Project>(Permission.ReportProjects, ApiOperation.Create);

        g.MapGet("/board", ([AsParameters] ReadProjects.Query q, ReadBoard h, CancellationToken ct) => h.Handle(q, ct))
            .Access<Project>(Permission.ViewProjects, ApiOperation.List);
        g.MapGet("/dispatch", (int year, int month, ReadDispatch h, CancellationToken ct) => h.Month(year, month, ct))
            .Access<MonthlyReport>(Permission.ViewProjects, ApiOperation.Download);
        g.MapGet("/bulletin", async (int year, int month, ReadDispatch h, CancellationToken ct) => (await h.Bulletin(year, month, ct)).Figures)
            .Access<MonthlyReport>(Permission.IssueBulletins, ApiOperation.Download);
        g.MapGet("/bulletin.docx", async (int year, int month, ReadDispatch h, TimeProvider clock, CancellationToken ct) =>
            {
                var (figures, jurisdiction) = await h.Bulletin(year, month, ct);
                return TypedResults.File(BulletinDocument.Write(figures, jurisdiction, BusinessDate.Today(clock)), BulletinDocument.ContentType,
                    BulletinDocument.FileName(jurisdiction, year, month));
            })
            .Access<MonthlyReport>(Permission.IssueBulletins, ApiOperation.Download);
        g.MapGet("/targets", (int year, TrackTargets h, CancellationToken ct) => h.Handle(year, ct))
            .Access<Target>(Permission.ViewProjects, ApiOperation.Download);

        g.MapGet("/template.xlsx", (ProjectExcel h, CurrentUser me) => { me.Require(Permission.ViewProjects); return TypedResults.File(h.Template(), Workbooks.ContentType, "项目库导入模板.xlsx"); })
            .Access<Project>(Permission.ViewProjects, ApiOperation.Download);
        g.MapGet("/export.xlsx", async ([AsParameters] ReadProjects.Query q, ProjectExcel h, CancellationToken ct) =>
                TypedResults.File(await h.Export(q, ct), Workbooks.ContentType, "重点项目库.xlsx"))
            .Access<Project>(Permission.ViewProjects, ApiOperation.Download);
        g.MapPost("/import", async (Guid jurisdictionId, IFormFile file, ProjectExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.Import(jurisdictionId, await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<Project>(Permission.ManageProjects, ApiOperation.Action);
        g.MapGet("/reports/template.xlsx", (ProjectExcel h, CurrentUser me) => { me.Require(Permission.ViewProjects); return TypedResults.File(h.ReportsTemplate(), Workbooks.ContentType, "月度调度导入模板.xlsx"); })
            .Access<MonthlyReport>(Permission.ViewProjects, ApiOperation.Download);
        g.MapGet("/reports/export.xlsx", async (int year, int? month, ProjectExcel h, CancellationToken ct) =>
                TypedResults.File(await h.ExportReports(year, month, ct), Workbooks.ContentType, $"月度调度-{year}.xlsx"))
            .Access<MonthlyReport>(Permission.ViewProjects, ApiOperation.Download);
        g.MapPost("/reports/import", async (IFormFile file, ProjectExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.ImportReports(await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<MonthlyReport>(Permission.ReportProjects, ApiOperation.Action);
        g.MapGet("/approvals/template.xlsx", (ProjectExcel h, CurrentUser me) => { me.Require(Permission.ViewProjects); return TypedResults.File(h.ApprovalsTemplate(), Workbooks.ContentType, "审批手续导入模板.xlsx"); })
            .Access<ProjectApproval>(Permission.ViewProjects, ApiOperation.Download);
        g.MapGet("/approvals/export.xlsx", async (ProjectExcel h, CancellationToken ct) =>
                TypedResults.File(await h.ExportApprovals(ct), Workbooks.ContentType, "审批手续.xlsx"))
            .Access<ProjectApproval>(Permission.ViewProjects, ApiOperation.Download);
        g.MapPost("/approvals/import", async (IFormFile file, ProjectExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.ImportApprovals(await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<ProjectApproval>(Permission.ManageProjects, ApiOperation.Action);

        var r = api.MapGroup("/reports").WithTags("Projects");
        r.MapPut("/{id:guid}", (Guid id, FileReport.CorrectRequest body, FileReport h, CancellationToken ct) => NoContent(h.Correct(id, body, ct)))
            .Access<MonthlyReport>(Permission.ReportProjects, ApiOperation.Update);
        r.MapPost("/{id:guid}/photos", async (Guid id, IFormFile file, FileReport h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return TypedResults.Created((string?)null, new { id = await h.AddPhoto(id, file.FileName, content, file.Length, ct) });
            })
            .DisableAntiforgery()
            .Access<MonthlyReport>(Permission.ReportProjects, ApiOperation.Create);
        api.MapGet("/report-photos/{id:guid}", async (Guid id, FileReport h, CancellationToken ct) =>
            {
                var (content, type, name) = await h.Photo(id, ct);
                return TypedResults.File(content, type, name);
            })
            .WithTags("Projects").Access<ReportPhoto>(Permission.ViewProjects, ApiOperation.Get);

        var hol = api.MapGroup("/holidays").WithTags("Projects");
        hol.MapGet("", (int? year, HolidayCalendarExcel h, CancellationToken ct) => h.List(year, ct))
            .Access<HolidayEntry>(Permission.ViewProjects, ApiOperation.Download);
        hol.MapGet("/template.xlsx", (HolidayCalendarExcel h, CurrentUser me) => { me.Require(Permission.ViewProjects); return TypedResults.File(h.Template(), Workbooks.ContentType, "节假日导入模板.xlsx"); })
            .Access<HolidayEntry>(Permission.ViewProjects, ApiOperation.Download);
        hol.MapPost("/import", async (Guid jurisdictionId, IFormFile file, HolidayCalendarExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.Import(jurisdictionId, await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<HolidayEntry>(Permission.ManageHolidays, ApiOperation.Action);
        hol.MapPost("", (SaveHolidays.DayRequest r, SaveHolidays h, CancellationToken ct) => h.Day(r, ct))
            .Access<HolidayEntry>(Permission.ManageHolidays, ApiOperation.Create);
        hol.MapDelete("/{id:guid}", (Guid id, SaveHolidays h, CancellationToken ct) => NoContent(h.DeleteDay(id, ct)))
            .Access<HolidayEntry>(Permission.ManageHolidays, ApiOperation.Delete);
        hol.MapGet("/notices", (int? year, ReadHolidayNotices h, CancellationToken ct) => h.Handle(year, ct))
            .Access<HolidayNotice>(Permission.ViewProjects, ApiOperation.Download);
        hol.MapPost("/notices", (SaveHolidays.NoticeRequest r, SaveHolidays h, CancellationToken ct) => h.Notice(r, ct))
            .Access<HolidayNotice>(Permission.ManageHolidays, ApiOperation.Create);
        hol.MapDelete("/notices/{id:guid}", (Guid id, SaveHolidays h, CancellationToken ct) => NoContent(h.DeleteNotice(id, ct)))
            .Access<HolidayNotice>(Permission.ManageHolidays, ApiOperation.Delete);
    }

    private static async Task<IResult> NoContent(Task operation)
    {
        await operation;
        return TypedResults.NoContent();
    }
}
