using Microsoft.AspNetCore.Mvc;
using Qianglian.Web.Api;
using Qianglian.Web.Auth;
using Qianglian.Web.Modules.Enterprises;
using Qianglian.Web.Shared.Excel;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>Enterprise cultivation: models, the tier ledger, 专精特新, 小升规 and the four "up"s, per-mu grading.</summary>
public static class CultivationModule
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<CultivationPackLoader>();
        services.AddScoped<SaveModel>();
        services.AddScoped<ReadModels>();
        services.AddScoped<SaveCultivationData>();
        services.AddScoped<RunTierReview>();
        services.AddScoped<DecideProposal>();
        services.AddScoped<RunGrading>();
        services.AddScoped<PublishGrading>();
        services.AddScoped<HandleObjections>();
        services.AddScoped<ReadRuns>();
        services.AddScoped<ReadTierLedger>();
        services.AddScoped<ReadChainLeaderGrowth>();
        services.AddScoped<ReadGradient>();
        services.AddScoped<ReadScaleUps>();
        services.AddScoped<ExplainEnterprise>();
        services.AddScoped<CultivationExcel>();
        services.AddScoped<ReadExpertScores>();
    }

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cultivation").WithTags("Cultivation");

        g.MapGet("/models", (ReadModels h, CancellationToken ct) => h.List(ct)).Access<CultivationModel>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/models/{id:guid}", (Guid id, ReadModels h, CancellationToken ct) => h.Get(id, ct)).Access<CultivationModel>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/jurisdictions/{id:guid}/models", (Guid id, int year, ReadModels h, CancellationToken ct) => h.Effective(id, year, ct))
            .Access<Jurisdictions.Jurisdiction>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapPost("/models", async (SaveModel.Request r, SaveModel h, CancellationToken ct) =>
            {
                var saved = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/cultivation/models/{saved.Id}", saved);
            })
            .Access<CultivationModel>(Permission.ManageCultivation, ApiOperation.Create);

        g.MapPut("/enterprises/{id:guid}/profile", (Guid id, SaveCultivationData.ProfileRequest r, SaveCultivationData h, CancellationToken ct) => NoContent(h.SaveProfile(id, r, ct)))
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Update);
        g.MapPut("/enterprises/{id:guid}/supplementary/{year:int}", (Guid id, int year, SaveCultivationData.SupplementaryRequest r, SaveCultivationData h, CancellationToken ct) =>
                NoContent(h.SaveSupplementary(id, year, r, ct)))
            .Access<Enterprise>(Permission.EditEnterprises, ApiOperation.Update);
        g.MapGet("/enterprises/{id:guid}", (Guid id, int? year, ExplainEnterprise h, CancellationToken ct) => h.Handle(id, year, ct))
            .Access<Enterprise>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/enterprises/{id:guid}/expert-scores", (Guid id, Guid? chainId, int year, ReadExpertScores h, CancellationToken ct) => h.Indicators(id, chainId, year, ct))
            .Access<Enterprise>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/expert-scores", ([AsParameters] ReadExpertScores.Query q, ReadExpertScores h, CancellationToken ct) => h.List(q, ct))
            .Access<ExpertScore>(Permission.ViewCultivation, ApiOperation.List);
        g.MapPut("/expert-scores", (SaveCultivationData.ExpertScoreRequest r, SaveCultivationData h, CancellationToken ct) => NoContent(h.SaveExpertScore(r, ct)))
            .Access<ExpertScore>(Permission.ScoreExperts, ApiOperation.Update);
        g.MapGet("/expert-scores/template.xlsx", (CultivationExcel h) => File(h.ExpertTemplate(), "专家评分导入模板.xlsx"))
            .Access<ExpertScore>(Permission.ViewCultivation, ApiOperation.Download);
        g.MapPost("/expert-scores/import", async (IFormFile file, [FromQuery] ImportMode? mode, CultivationExcel h, CancellationToken ct) =>
                ImportEndpoint.Answer(await h.ImportExpertScores(await ImportEndpoint.ReadAsync(file, ct), mode ?? ImportMode.AllOrNothing, ct)))
            .DisableAntiforgery()
            .Access<ExpertScore>(Permission.ScoreExperts, ApiOperation.Action);

        g.MapPost("/reviews", async (RunTierReview.Request r, RunTierReview h, CancellationToken ct) =>
            {
                var id = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/cultivation/runs/{id}", new { id });
            })
            .Access<EvaluationRun>(Permission.ManageCultivation, ApiOperation.Create);
        g.MapPost("/results/{id:guid}/decision", (Guid id, DecideProposal.Request r, DecideProposal h, CancellationToken ct) => NoContent(h.Handle(id, r, ct)))
            .Access<EvaluationResult>(Permission.ManageCultivation, ApiOperation.Action);
        g.MapGet("/tiers", (Guid? chainId, bool? history, ReadTierLedger h, CancellationToken ct) => h.Tiers(chainId, history ?? false, ct))
            .Access<TierMembership>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/tiers.xlsx", async (CultivationExcel h, CancellationToken ct) => File(await h.Tiers(ct), "链主企业梯度培育台账.xlsx"))
            .Access<TierMembership>(Permission.ViewCultivation, ApiOperation.Download);
        g.MapGet("/exits", (ReadTierLedger h, CancellationToken ct) => h.Exits(ct)).Access<TierExit>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/chain-targets", (ReadTierLedger h, CancellationToken ct) => h.ChainCounts(ct)).Access<ChainTierCount>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/chain-leader-growth", (int? year, ReadChainLeaderGrowth h, CancellationToken ct) => h.Handle(year, ct))
            .Access<ChainLeaderGrowthRow>(Permission.ViewCultivation, ApiOperation.List);

        g.MapPost("/gradings", async (RunGrading.Request r, RunGrading h, CancellationToken ct) =>
            {
                var id = await h.Handle(r, ct);
                return TypedResults.Created($"/api/v1/cultivation/runs/{id}", new { id });
            })
            .Access<EvaluationRun>(Permission.ManageCultivation, ApiOperation.Create);
        g.MapPost("/runs/{id:guid}/publish", (Guid id, PublishGrading.PublishRequest r, PublishGrading h, CancellationToken ct) => NoContent(h.Publish(id, r, ct)))
            .Access<EvaluationRun>(Permission.ManageCultivation, ApiOperation.Action);
        g.MapPost("/runs/{id:guid}/lock", (Guid id, PublishGrading.LockRequest r, PublishGrading h, CancellationToken ct) => NoContent(h.Lock(id, r, ct)))
            .Access<EvaluationRun>(Permission.ManageCultivation, ApiOperation.Action);
        g.MapPost("/results/{id:guid}/objections", async (Guid id, HandleObjections.FileRequest r, HandleObjections h, CancellationToken ct) =>
            {
                var objection = await h.File(id, r, ct);
                return TypedResults.Created($"/api/v1/cultivation/objections/{objection}", new { id = objection });
            })
            .Access<EvaluationResult>(Permission.FileObjections, ApiOperation.Create);
        g.MapPut("/objections/{id:guid}", (Guid id, HandleObjections.ResolveRequest r, HandleObjections h, CancellationToken ct) => NoContent(h.Resolve(id, r, ct)))
            .Access<Objection>(Permission.ManageCultivation, ApiOperation.Update);

        g.MapGet("/runs", (RunKind? kind, ReadRuns h, CancellationToken ct) => h.List(kind, ct)).Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/runs/{id:guid}", (Guid id, ReadRuns h, CancellationToken ct) => h.Get(id, ct)).Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/runs/{id:guid}/results", (Guid id, [AsParameters] ReadRuns.ResultQuery q, ReadRuns h, CancellationToken ct) => h.Results(id, q, ct))
            .Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/runs/{id:guid}/distribution", (Guid id, string? by, ReadRuns h, CancellationToken ct) => h.Distribution(id, by, ct))
            .Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/runs/{id:guid}/objections", (Guid id, ReadRuns h, CancellationToken ct) => h.ObjectionsOf(id, ct))
            .Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/runs/{id:guid}/results.xlsx", async (Guid id, CultivationExcel h, CancellationToken ct) => File(await h.Results(id, ct), "评价结果.xlsx"))
            .Access<EvaluationRun>(Permission.ViewCultivation, ApiOperation.Get);
        g.MapGet("/results/{id:guid}", (Guid id, ReadRuns h, CancellationToken ct) => h.Result(id, ct))
            .Access<EvaluationResult>(Permission.ViewCultivation, ApiOperation.Get);

        g.MapGet("/srdi", (int year, ReadGradient h, CancellationToken ct) => h.Pipeline(year, ct)).Access<GradientRow>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/srdi.xlsx", async (int year, CultivationExcel h, CancellationToken ct) => File(await h.Gradient(year, ct), "专精特新梯度培育台账.xlsx"))
            .Access<Enterprise>(Permission.ViewCultivation, ApiOperation.Download);
        g.MapGet("/awards", (int year, ReadGradient h, CancellationToken ct) => h.Awards(year, ct)).Access<AwardRow>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/small-to-scale", (int year, ReadScaleUps h, CancellationToken ct) => h.SmallToScalePool(year, ct)).Access<PoolRow>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/small-to-scale.xlsx", async (int year, CultivationExcel h, CancellationToken ct) => File(await h.SmallToScale(year, ct), "小升规培育库.xlsx"))
            .Access<Enterprise>(Permission.ViewCultivation, ApiOperation.Download);
        g.MapGet("/four-ups", (int year, ReadScaleUps h, CancellationToken ct) => h.FourUps(year, ct)).Access<FourUpsRow>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/ipo-pool", (ReadScaleUps h, CancellationToken ct) => h.IpoPool(ct)).Access<IpoRow>(Permission.ViewCultivation, ApiOperation.List);
        g.MapGet("/ipo-pool.xlsx", async (CultivationExcel h, CancellationToken ct) => File(await h.Ipo(ct), "上市后备企业资源库.xlsx"))
            .Access<Enterprise>(Permission.ViewCultivation, ApiOperation.Download);
    }

    private static async Task<IResult> NoContent(Task operation)
    {
        await operation;
        return TypedResults.NoContent();
    }

    private static IResult File(byte[] content, string name) => TypedResults.File(content, Workbooks.ContentType, name);
}
