using Qianglian.Core.Arrears;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Arrears;

/// <summary>清欠 (攀枝花 十四): the ledger of arrears owed to private enterprises and SMEs, its verification, plans, repayments and cleared share.</summary>
public static class ArrearsModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<FileClaim>();
        services.AddScoped<VerifyClaim>();
        services.AddScoped<PlanRepayment>();
        services.AddScoped<RecordRepayment>();
        services.AddScoped<ReadArrears>();
        services.AddScoped<ReadClearedShare>();
        services.AddScoped<ExportArrears>();
        services.AddScoped<ClaimAttachments>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var a = api.MapGroup("/arrears").WithTags("Arrears");
        a.MapGet("/claims", (ClaimStatus? status, bool? overdue, ReadArrears h, CancellationToken ct) => h.List(status, overdue ?? false, ct))
            .Access<ArrearsClaim>(Permission.ViewArrears, ApiOperation.List);
        a.MapGet("/claims/{id:guid}", (Guid id, ReadArrears h, CancellationToken ct) => h.Get(id, ct))
            .Access<ArrearsClaim>(Permission.ViewArrears, ApiOperation.Get);
        a.MapGet("/claims/export.xlsx", async (ClaimStatus? status, bool? overdue, ExportArrears h, CancellationToken ct) =>
                TypedResults.File(await h.Handle(status, overdue ?? false, ct), Workbooks.ContentType, "清欠台账.xlsx"))
            .Access<ArrearsClaim>(Permission.ViewArrears, ApiOperation.Download);
        // A computation over the caller's scope, not a list of rows: declared Download like the other figures.
        a.MapGet("/cleared-share", (ArrearsGrouping? by, ReadClearedShare h, CancellationToken ct) => h.Handle(by, ct))
            .Access<ArrearsClaim>(Permission.ViewArrears, ApiOperation.Download);
        a.MapPost("/claims", async (FileClaim.Request r, FileClaim h, CancellationToken ct) =>
            {
                var id = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/arrears/claims/{id}", new { id });
            })
            .Access<ArrearsClaim>(Permission.FileArrears, ApiOperation.Create);
        a.MapPost("/claims/{id:guid}/verify", async (Guid id, VerifyClaim.Request r, VerifyClaim h, CancellationToken ct) =>
            {
                await h.Handle(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<ArrearsClaim>(Permission.ManageArrears, ApiOperation.Action);
        a.MapPut("/claims/{id:guid}/plan", async (Guid id, PlanRepayment.Request r, PlanRepayment h, CancellationToken ct) =>
            {
                await h.Handle(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<ArrearsClaim>(Permission.ManageArrears, ApiOperation.Update);
        a.MapPost("/claims/{id:guid}/repayments", async (Guid id, RecordRepayment.Request r, RecordRepayment h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.Handle(id, r, ct) }))
            .Access<ArrearsClaim>(Permission.ManageArrears, ApiOperation.Create);
        a.MapPost("/claims/{id:guid}/attachments", async (Guid id, IFormFile file, ClaimAttachments h, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return TypedResults.Created((string?)null, new { id = await h.Add(id, file.FileName, stream, ct) });
            })
            .DisableAntiforgery()
            .Access<ArrearsClaim>(Permission.FileArrears, ApiOperation.Create);
        a.MapGet("/attachments/{id:guid}", async (Guid id, ClaimAttachments h, CancellationToken ct) =>
            {
                var (content, type, name) = await h.Get(id, ct);
                return TypedResults.File(content, type, name);
            })
            .Access<ArrearsAttachment>(Permission.ViewArrears, ApiOperation.Get);
    }
}
