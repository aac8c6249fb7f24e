using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Evaluation;

/// <summary>Evaluation: the chain and park evaluation index, the packs' targets against their actuals, and the dashboards.</summary>
public static class EvaluationModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<CountRecords>();
        services.AddScoped<MetricRegistry>();
        services.AddScoped<IndexPackLoader>();
        services.AddScoped<IndexFacts>();
        services.AddScoped<RunIndex>();
        services.AddScoped<ReadIndex>();
        services.AddScoped<SaveIndexModel>();
        services.AddScoped<ReadIndexModels>();
        services.AddScoped<IMetricSource, EnterpriseMetrics>();
        services.AddScoped<IMetricSource, ChainMetrics>();
        services.AddScoped<ReadTargets>();
        services.AddScoped<IMetricSource, RecordedMetrics>();
        services.AddScoped<IndustryEvents>();
        services.AddScoped<JurisdictionStatistics>();
        services.AddScoped<ReadDashboards>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        MapDashboards(api);
        var e = api.MapGroup("/evaluation").WithTags("Evaluation");
        e.MapGet("/models", (ReadIndexModels h, CancellationToken ct) => h.List(ct))
            .Access<CultivationModel>(Permission.ViewEvaluation, ApiOperation.List);
        e.MapGet("/models/applicable", async (Guid jurisdictionId, IndexSubject subject, int year, ReadIndexModels h, CancellationToken ct) =>
                await h.Applicable(jurisdictionId, subject, year, ct) is { } model ? Results.Ok(model) : Results.NoContent())
            .Access<CultivationModel>(Permission.ViewEvaluation, ApiOperation.Get);
        e.MapPost("/models", async (SaveIndexModel.Request r, SaveIndexModel h, CancellationToken ct) => Created(await h.Handle(r, ct)))
            .Access<CultivationModel>(Permission.ManageEvaluation, ApiOperation.Create);
        e.MapPost("/runs", async (RunIndex.Request r, RunIndex h, CancellationToken ct) => Created(await h.Handle(r, ct)))
            .Access<IndexRun>(Permission.ManageEvaluation, ApiOperation.Create);
        e.MapGet("/runs", (int? year, IndexSubject? subject, ReadIndex h, CancellationToken ct) => h.Runs(year, subject, ct))
            .Access<IndexRun>(Permission.ViewEvaluation, ApiOperation.List);
        e.MapGet("/runs/{id:guid}", (Guid id, ReadIndex h, CancellationToken ct) => h.Ranking(id, ct))
            .Access<IndexRun>(Permission.ViewEvaluation, ApiOperation.Get);
        e.MapGet("/runs/{id:guid}/ranking.xlsx", async (Guid id, ReadIndex h, CancellationToken ct) =>
            {
                var (content, name) = await h.Export(id, ct);
                return TypedResults.File(content, Workbooks.ContentType, name);
            })
            .Access<IndexRun>(Permission.ViewEvaluation, ApiOperation.Download);
        e.MapGet("/results/{id:guid}", (Guid id, ReadIndex h, CancellationToken ct) => h.Result(id, ct))
            .Access<IndexResult>(Permission.ViewEvaluation, ApiOperation.Get);
        e.MapGet("/targets", (int year, ReadTargets h, CancellationToken ct) => h.Handle(year, ct))
            .Access<Target>(Permission.ViewEvaluation, ApiOperation.List);
        e.MapGet("/targets.xlsx", async (int year, ReadTargets h, CancellationToken ct) => TypedResults.File(await h.Export(year, ct), Workbooks.ContentType, $"{year}年目标跟踪.xlsx"))
            .Access<Target>(Permission.ViewEvaluation, ApiOperation.Download);
        MapTargetRecords(e);
    }

    /// <summary>What the office records for the targets no enterprise row answers: events and yearly jurisdiction statistics.</summary>
    private static void MapTargetRecords(RouteGroupBuilder e)
    {
        e.MapGet("/events", (int? year, IndustryEvents h, CancellationToken ct) => h.List(year, ct))
            .Access<IndustryEvent>(Permission.ViewEvaluation, ApiOperation.List);
        e.MapPost("/events", async (IndustryEvents.Request r, IndustryEvents h, CancellationToken ct) => Created(await h.Add(r, ct)))
            .Access<IndustryEvent>(Permission.ManageEvaluation, ApiOperation.Create);
        e.MapPut("/events/{id:guid}", async (Guid id, IndustryEvents.UpdateRequest r, IndustryEvents h, CancellationToken ct) =>
            {
                await h.Update(id, r, ct);
                return TypedResults.NoContent();
            })
            .Access<IndustryEvent>(Permission.ManageEvaluation, ApiOperation.Update);
        e.MapDelete("/events/{id:guid}", async (Guid id, IndustryEvents h, CancellationToken ct) =>
            {
                await h.Remove(id, ct);
                return TypedResults.NoContent();
            })
            .Access<IndustryEvent>(Permission.ManageEvaluation, ApiOperation.Delete);
        e.MapGet("/statistics", (int? year, JurisdictionStatistics h, CancellationToken ct) => h.List(year, ct))
            .Access<JurisdictionStatistic>(Permission.ViewEvaluation, ApiOperation.List);
        e.MapPost("/statistics", async (JurisdictionStatistics.Request r, JurisdictionStatistics h, CancellationToken ct) => Created(await h.Save(r, ct)))
            .Access<JurisdictionStatistic>(Permission.ManageEvaluation, ApiOperation.Create);
        e.MapDelete("/statistics/{id:guid}", async (Guid id, JurisdictionStatistics h, CancellationToken ct) =>
            {
                await h.Remove(id, ct);
                return TypedResults.NoContent();
            })
            .Access<JurisdictionStatistic>(Permission.ManageEvaluation, ApiOperation.Delete);
        // Bearer-token clients post files without an antiforgery token; the sign-in cookie is SameSite.
        e.MapPost("/statistics/{id:guid}/attachment", async (Guid id, IFormFile file, JurisdictionStatistics h, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                await h.Attach(id, file.FileName, file.ContentType, content, ct);
                return TypedResults.NoContent();
            })
            .DisableAntiforgery()
            .Access<JurisdictionStatistic>(Permission.ManageEvaluation, ApiOperation.Update);
        e.MapGet("/statistics/{id:guid}/attachment", async (Guid id, JurisdictionStatistics h, CancellationToken ct) =>
            {
                var (content, type, name) = await h.Attachment(id, ct);
                return TypedResults.File(content, type, name);
            })
            .Access<JurisdictionStatistic>(Permission.ViewEvaluation, ApiOperation.Get);
    }

    private static void MapDashboards(RouteGroupBuilder api)
    {
        var d = api.MapGroup("/dashboards").WithTags("Evaluation");
        d.MapGet("/office", (int year, ReadDashboards h, CancellationToken ct) => h.Office(year, ct))
            .Access<Chains.Chain>(Permission.ViewEvaluation, ApiOperation.Download);
        d.MapGet("/office.xlsx", async (int year, string? chart, ReadDashboards h, CancellationToken ct) => Xlsx(h, await h.Office(year, ct), chart))
            .Access<Chains.Chain>(Permission.ViewEvaluation, ApiOperation.Download);
        d.MapGet("/chains/{id:guid}", (Guid id, int year, ReadDashboards h, CancellationToken ct) => h.Chain(id, year, ct))
            .Access<Chains.Chain>(Permission.ViewEvaluation, ApiOperation.Get);
        d.MapGet("/chains/{id:guid}.xlsx", async (Guid id, int year, string? chart, ReadDashboards h, CancellationToken ct) => Xlsx(h, await h.Chain(id, year, ct), chart))
            .Access<Chains.Chain>(Permission.ViewEvaluation, ApiOperation.Get);
        d.MapGet("/county", (Guid? jurisdictionId, int year, ReadDashboards h, CancellationToken ct) => h.County(jurisdictionId, year, ct))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewEvaluation, ApiOperation.Get);
        d.MapGet("/county.xlsx", async (Guid? jurisdictionId, int year, string? chart, ReadDashboards h, CancellationToken ct) => Xlsx(h, await h.County(jurisdictionId, year, ct), chart))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewEvaluation, ApiOperation.Get);
    }

    private static IResult Xlsx(ReadDashboards h, Dashboard d, string? chart)
    {
        var (content, name) = h.Workbook(d, chart);
        return TypedResults.File(content, Workbooks.ContentType, name);
    }

    private static IResult Created(Guid id) => TypedResults.Created((string?)null, new { id });
}
