using Microsoft.AspNetCore.Mvc;
using Qianglian.Core.Investment;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Evaluation;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Investment;

/// <summary>Investment attraction: target lists and their pushes, the lead pipeline, funds in place, KPIs, node ranking.</summary>
public static class InvestmentModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<ReadTargetList>();
        services.AddScoped<SaveTarget>();
        services.AddScoped<PushTarget>();
        services.AddScoped<ReadLeads>();
        services.AddScoped<SaveLead>();
        services.AddScoped<MoveLead>();
        services.AddScoped<NegotiateDeal>();
        services.AddScoped<ConvertLead>();
        services.AddScoped<RecordFunds>();
        services.AddScoped<ReadKpis>();
        services.AddScoped<RankNodes>();
        services.AddScoped<InvestmentExcel>();
        services.AddScoped<IMetricSource, AttractionMetrics>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/investment").WithTags("Investment");

        g.MapGet("/targets", (Guid? chainId, ReadTargetList h, CancellationToken ct) => h.List(chainId, ct))
            .Access<TargetEnterprise>(Permission.ViewInvestment, ApiOperation.List);
        g.MapPost("/targets", async (SaveTarget.CreateRequest r, SaveTarget h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.Create(r, ct) }))
            .Access<TargetEnterprise>(Permission.ManageInvestment, ApiOperation.Create);
        g.MapPut("/targets/{id:guid}", (Guid id, SaveTarget.UpdateRequest r, SaveTarget h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<TargetEnterprise>(Permission.ManageInvestment, ApiOperation.Update);
        g.MapDelete("/targets/{id:guid}", (Guid id, int version, SaveTarget h, CancellationToken ct) => NoContent(h.Delete(id, version, ct)))
            .Access<TargetEnterprise>(Permission.ManageInvestment, ApiOperation.Delete);
        g.MapPost("/targets/{id:guid}/push", async (Guid id, PushTarget.PushRequest r, PushTarget h, CancellationToken ct) => TypedResults.Ok(new { pushed = await h.Push(id, r, ct) }))
            .Access<TargetEnterprise>(Permission.ManageInvestment, ApiOperation.Action);
        g.MapGet("/chains/{id:guid}/suggestions", (Guid id, int? year, ReadTargetList h, CancellationToken ct) => h.Suggestions(id, year, ct))
            .Access<Chain>(Permission.ViewInvestment, ApiOperation.Get);
        g.MapGet("/chains/{id:guid}/ranking", (Guid id, int? year, RankNodes h, CancellationToken ct) => h.Handle(id, year, ct))
            .Access<Chain>(Permission.ViewInvestment, ApiOperation.Get);
        g.MapGet("/targets/template.xlsx", (InvestmentExcel h) => TypedResults.File(h.TargetTemplate(), Workbooks.ContentType, "招商目标企业清单模板.xlsx"))
            .Access<TargetEnterprise>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapGet("/targets/export.xlsx", async (Guid? chainId, InvestmentExcel h, CancellationToken ct) =>
                TypedResults.File(await h.ExportTargets(chainId, ct), Workbooks.ContentType, "招商目标企业清单.xlsx"))
            .Access<TargetEnterprise>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapPost("/chains/{id:guid}/targets/import", async (Guid id, IFormFile file, InvestmentExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.ImportTargets(id, await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<TargetEnterprise>(Permission.ManageInvestment, ApiOperation.Action);

        g.MapGet("/pushes", (PushStatus? status, ReadTargetList h, CancellationToken ct) => h.Received(status, ct))
            .Access<TargetPush>(Permission.ViewInvestment, ApiOperation.List);
        g.MapPost("/pushes/{id:guid}/answer", (Guid id, PushTarget.AnswerRequest r, PushTarget h, CancellationToken ct) => NoContent(h.Answer(id, r, ct)))
            .Access<TargetPush>(Permission.ManageInvestment, ApiOperation.Action);

        g.MapGet("/leads", ([AsParameters] ReadLeads.Query q, ReadLeads h, CancellationToken ct) => h.List(q, ct))
            .Access<Lead>(Permission.ViewInvestment, ApiOperation.List);
        g.MapGet("/leads/{id:guid}", (Guid id, ReadLeads h, CancellationToken ct) => h.Get(id, ct))
            .Access<Lead>(Permission.ViewInvestment, ApiOperation.Get);
        g.MapPost("/leads", async (SaveLead.CreateRequest r, SaveLead h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.Create(r, ct) }))
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Create);
        g.MapPost("/leads/from-push", async (SaveLead.FromPushRequest r, SaveLead h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.FromPush(r, ct) }))
            .Access<TargetPush>(Permission.ManageInvestment, ApiOperation.Create);
        g.MapPut("/leads/{id:guid}", (Guid id, SaveLead.UpdateRequest r, SaveLead h, CancellationToken ct) => NoContent(h.Update(id, r, ct)))
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Update);
        g.MapPost("/leads/{id:guid}/follow-ups", async (Guid id, SaveLead.FollowUpRequest r, SaveLead h, CancellationToken ct) =>
                TypedResults.Created((string?)null, new { id = await h.AddFollowUp(id, r, ct) }))
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Create);
        g.MapPost("/leads/{id:guid}/stage", (Guid id, MoveLead.Request r, MoveLead h, CancellationToken ct) => NoContent(h.Handle(id, r, ct)))
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Action);
        g.MapPut("/leads/{id:guid}/deal", (Guid id, NegotiateDeal.DraftRequest r, NegotiateDeal h, CancellationToken ct) => NoContent(h.Draft(id, r, ct)))
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Update);
        g.MapPost("/leads/{id:guid}/deal/decision", (Guid id, NegotiateDeal.DecisionRequest r, NegotiateDeal h, CancellationToken ct) => NoContent(h.Decide(id, r, ct)))
            .Access<Lead>(Permission.ApproveDeals, ApiOperation.Action);
        g.MapPost("/leads/{id:guid}/convert", async (Guid id, ConvertLead.Request r, ConvertLead h, CancellationToken ct) =>
            {
                var project = await h.Handle(id, r, ct);
                return TypedResults.Created($"/api/v1/projects/{project}", new { projectId = project });
            })
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Action);
        g.MapGet("/leads/template.xlsx", (InvestmentExcel h) => TypedResults.File(h.LeadTemplate(), Workbooks.ContentType, "招商线索模板.xlsx"))
            .Access<Lead>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapGet("/leads/export.xlsx", async ([AsParameters] ReadLeads.Query q, InvestmentExcel h, CancellationToken ct) =>
                TypedResults.File(await h.ExportLeads(q, ct), Workbooks.ContentType, "招商线索.xlsx"))
            .Access<Lead>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapPost("/leads/import", async (Guid jurisdictionId, IFormFile file, InvestmentExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.ImportLeads(jurisdictionId, await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<Lead>(Permission.ManageInvestment, ApiOperation.Action);

        g.MapGet("/funds", (int? year, Guid? projectId, RecordFunds h, CancellationToken ct) => h.List(year, projectId, ct))
            .Access<FundsInPlace>(Permission.ViewInvestment, ApiOperation.List);
        g.MapPost("/funds", async (RecordFunds.Request r, RecordFunds h, CancellationToken ct) => TypedResults.Ok(new { id = await h.Record(r, ct) }))
            .Access<FundsInPlace>(Permission.ManageInvestment, ApiOperation.Create);
        g.MapGet("/funds/template.xlsx", (InvestmentExcel h) => TypedResults.File(h.FundsTemplate(), Workbooks.ContentType, "到位资金模板.xlsx"))
            .Access<FundsInPlace>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapGet("/funds/export.xlsx", async (int? year, InvestmentExcel h, CancellationToken ct) =>
                TypedResults.File(await h.ExportFunds(year, ct), Workbooks.ContentType, "到位资金.xlsx"))
            .Access<FundsInPlace>(Permission.ViewInvestment, ApiOperation.Download);
        g.MapPost("/funds/import", async (IFormFile file, InvestmentExcel h, CancellationToken ct, string? format = null) =>
                ImportEndpoint.Answer(await h.ImportFunds(await ImportEndpoint.ReadAsync(file, ct), ct), format))
            .DisableAntiforgery()
            .Access<FundsInPlace>(Permission.ManageInvestment, ApiOperation.Action);

        g.MapGet("/kpis", (int year, Guid? jurisdictionId, ReadKpis h, CancellationToken ct) => h.Handle(year, jurisdictionId, ct))
            .Access<Target>(Permission.ViewInvestment, ApiOperation.Download);
    }

    private static async Task<IResult> NoContent(Task operation)
    {
        await operation;
        return TypedResults.NoContent();
    }
}
