using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Audit;

public static class AuditModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<BrowseAudit>();
        services.AddScoped<VerifyAudit>();
        services.AddScoped<ExportAudit>();
        services.AddScoped<DownloadAudit>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit").WithTags("Audit");
        g.MapGet("", ([AsParameters] BrowseAudit.Query q, BrowseAudit h, CancellationToken ct) => h.Handle(q, ct))
            .Access<AuditEntry>(Permission.ViewAudit, ApiOperation.List);
        g.MapGet("/export.xlsx", async ([AsParameters] BrowseAudit.Query q, DownloadAudit h, CancellationToken ct) =>
                TypedResults.File(await h.Handle(q, ct), Shared.Excel.Workbooks.ContentType, "审计日志.xlsx"))
            .Access<AuditEntry>(Permission.ViewAudit, ApiOperation.Download);
    }
}
