using Microsoft.AspNetCore.Mvc;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Enterprises;

/// <summary>The enterprise registry: services and /api/v1 endpoints.</summary>
public static class EnterprisesModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ReadEnterprises>();
        services.AddScoped<SaveEnterprise>();
        services.AddScoped<SaveFacts>();
        services.AddScoped<ImportEnterprises>();
        services.AddScoped<ExportEnterprises>();
        services.AddScoped<FactsExcel>();
        services.AddScoped<HonourRegistry>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/enterprises").WithTags("Enterprises");
        g.MapGet("", ([AsParameters] ReadEnterprises.Query q, ReadEnterprises h, CancellationToken ct) => h.List(q, ct))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.List);
        g.MapGet("/{id:guid}", (Guid id, ReadEnterprises h, CancellationToken ct) => h.Get(id, ct))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.Get);
        g.MapPost("", async (SaveEnterprise.CreateRequest r, SaveEnterprise h, CancellationToken ct) =>
            {
                var created = await h.Create(r, ct);
                return TypedResults.Created($"/api/v1/enterprises/{created.Id}", created);
            })
            .Access<Enterprise>(Permission.RegisterEnterprises, ApiOperation.Create);
        g.MapPut("/{id:guid}", async (Guid id, SaveEnterprise.UpdateRequest r, SaveEnterprise h, CancellationToken ct) =>
            {
                await h.Update(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Update);
        g.MapPut("/{id:guid}/facts/{year:int}", async (Guid id, int year, SaveFacts.FactsRequest r, SaveFacts h, CancellationToken ct) =>
            {
                await h.Upsert(id, year, r, ct);
                return TypedResults.NoContent();
            })
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Update);
        g.MapPost("/{id:guid}/honours", async (Guid id, SaveFacts.HonourRequest r, SaveFacts h, CancellationToken ct) =>
            {
                var honour = await h.AddHonour(id, r, ct);
                return TypedResults.Created($"/api/v1/honours/{honour}", new { id = honour });
            })
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Create);
        api.MapDelete("/honours/{id:guid}", async (Guid id, SaveFacts h, CancellationToken ct) =>
            {
                await h.RemoveHonour(id, ct);
                return TypedResults.NoContent();
            })
            .WithTags("Enterprises").Access<EnterpriseHonour>(Permission.EditEnterprises, ApiOperation.Delete);
        MapHonourRegistry(api.MapGroup("/honours").WithTags("Enterprises"));

        g.MapGet("/facts/template.xlsx", (FactsExcel h) => TypedResults.File(h.Template(), Workbooks.ContentType, "企业年度数据导入模板.xlsx"))
            .Access<EnterpriseYearFact>(Permission.ViewEnterprises, ApiOperation.Download);
        g.MapGet("/facts/export.xlsx", async (int? year, FactsExcel h, CancellationToken ct) => TypedResults.File(await h.Export(year, ct), Workbooks.ContentType, "企业年度数据.xlsx"))
            .Access<EnterpriseYearFact>(Permission.ViewEnterprises, ApiOperation.Download);
        g.MapPost("/facts/import", async (IFormFile file, [FromQuery] ImportMode? mode, FactsExcel h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Import(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, ct)))
            .DisableAntiforgery()
            .Access<EnterpriseYearFact>(Permission.EditEnterprises, ApiOperation.Action);
        g.MapGet("/template.xlsx", (ExportEnterprises h) => TypedResults.File(h.Template(), Workbooks.ContentType, "企业名录导入模板.xlsx"))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.Download);
        g.MapGet("/export.xlsx", async (ExportEnterprises h, CancellationToken ct) => TypedResults.File(await h.Handle(ct), Workbooks.ContentType, "企业名录.xlsx"))
            .Access<Enterprise>(Permission.ViewEnterprises, ApiOperation.Download);
        // Bearer-token clients post files without an antiforgery token; the sign-in cookie is SameSite, so no other site can post as the user.
        g.MapPost("/import", async (IFormFile file, [FromQuery] ImportMode? mode, [FromQuery] string? format, ImportEnterprises h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.Handle(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, null, ct), format))
            .DisableAntiforgery()
            .Access<Enterprise>(Permission.RegisterEnterprises, ApiOperation.Action);
    }

    /// <summary>The honours registry: every recognition (enterprises', parks', clusters'), entered one by one or as a sheet.</summary>
    private static void MapHonourRegistry(RouteGroupBuilder h)
    {
        h.MapGet("", (int? year, HonourKind? kind, HonourRegistry r, CancellationToken ct) => r.List(year, kind, ct))
            .Access<EnterpriseHonour>(Permission.ViewEnterprises, ApiOperation.List);
        h.MapPost("", async (HonourRegistry.CollectiveRequest body, HonourRegistry r, CancellationToken ct) =>
            {
                var id = await r.AddCollective(body, ct);
                return TypedResults.Created($"/api/v1/honours/{id}", new { id });
            })
            .Access<EnterpriseHonour>(Permission.ManageEvaluation, ApiOperation.Create);
        h.MapGet("/template.xlsx", (HonourRegistry r) => TypedResults.File(r.Template(), Workbooks.ContentType, "荣誉名录导入模板.xlsx"))
            .Access<EnterpriseHonour>(Permission.ViewEnterprises, ApiOperation.Download);
        h.MapGet("/export.xlsx", async (int? year, HonourRegistry r, CancellationToken ct) => TypedResults.File(await r.Export(year, ct), Workbooks.ContentType, "荣誉名录.xlsx"))
            .Access<EnterpriseHonour>(Permission.ViewEnterprises, ApiOperation.Download);
        h.MapPost("/import", async (IFormFile file, [FromQuery] ImportMode? mode, HonourRegistry r, CancellationToken ct) =>
                ImportEndpoint.Answer(await r.Import(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, ct)))
            .DisableAntiforgery()
            .Access<EnterpriseHonour>(Permission.EditEnterprises, ApiOperation.Action);
    }
}
