using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Modules.Chains;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Modules.Enterprises;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>A run of its own for a probe that changes it: in 西区 ("own") or 达州 ("other"), with one result of the target enterprise.</summary>
    private static async Task<(EvaluationRun Run, EvaluationResult Result)> FreshRun(ScopingWorld w, string role, Target t, RunKind kind, RunStatus status,
        DateOnly? deadline = null, bool withObjection = false)
    {
        await using var db = w.Host.OpenSystem();
        var enterpriseId = t == Target.Own ? w.OwnEnterprise : w.OtherRow(typeof(Enterprise), role);
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == enterpriseId);
        var chain = await db.Chains.SingleAsync(c => c.Id == (enterprise.JurisdictionId == w.OwnJurisdiction ? w.Rows[typeof(Chain)].Own : w.Rows[typeof(Chain)].Other));
        // A run uses a model that governs its place (kept there or above it), as RunGrading and RunTierReview resolve it:
        // a grading model where there is one (the result's stored explanation is a grading's).
        var model = (await db.CultivationModels.Where(m => m.Kind == ModelKind.Scoring).ToListAsync())
            .Where(m => enterprise.JurisdictionPath.StartsWith(m.JurisdictionPath, StringComparison.Ordinal))
            .OrderByDescending(m => m.Code == Modules.Cultivation.ModelCatalog.PerMuAbove).First();
        var run = new EvaluationRun
        {
            JurisdictionId = enterprise.JurisdictionId, Kind = kind, Year = 2024, Status = status, Title = $"矩阵评价{Next()}", ModelIds = [model.Id],
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "matrix", PublishedOn = deadline?.AddDays(-7), ObjectionDeadline = deadline,
        };
        var result = new EvaluationResult
        {
            JurisdictionId = enterprise.JurisdictionId, RunId = run.Id, ModelId = model.Id, EnterpriseId = enterprise.Id, ChainId = kind == RunKind.TierReview ? chain.Id : null,
            Score = 55, Class = "C", ClassKey = "C", FinalClass = "C", Explanation = "{\"subjectId\":\"x\",\"name\":\"x\",\"total\":55,\"class\":\"C\",\"classKey\":\"C\",\"rank\":1,\"exempt\":false,\"lines\":[],\"dimensions\":{},\"notes\":[]}",
            Proposal = kind == RunKind.TierReview ? ProposalKind.Admit : ProposalKind.None, ReachedTier = kind == RunKind.TierReview ? Tier.Candidate : null,
            Decision = kind == RunKind.TierReview ? Decision.Pending : Decision.NotNeeded,
        };
        db.AddRange(run, result);
        if (withObjection)
            db.Objections.Add(new Objection
            {
                JurisdictionId = enterprise.JurisdictionId, RunId = run.Id, ResultId = result.Id, EnterpriseId = enterprise.Id, Reason = "矩阵异议", FiledBy = "matrix",
                FiledAt = DateTimeOffset.UtcNow, Status = ObjectionStatus.Open,
            });
        await db.SaveChangesAsync();
        return (run, result);
    }

    /// <summary>A run to read: in 西区 or 达州 whatever the role (a run is not an enterprise's row).</summary>
    private static async Task<Guid> RunToRead(ScopingWorld w, Target t) =>
        (await FreshRun(w, Auth.Roles.CoordinationOffice, t, RunKind.Grading, RunStatus.Draft)).Run.Id;

    private static async Task<Guid> ModelOf(ScopingWorld w, Target t)
    {
        await using var db = w.Host.OpenSystem();
        var place = t == Target.Own ? w.OwnJurisdiction : w.OtherJurisdiction;
        return (await db.CultivationModels.FirstAsync(m => m.JurisdictionId == place)).Id;
    }

    private static readonly object MinimalModel = new
    {
        code = "matrix", name = "矩阵模型",
        indicators = new[] { new { key = "tax", name = "亩均税收", input = "taxPerMu", method = "BenchmarkRatio", weight = 100, benchmark = 100000 } },
        classification = new { mode = "ByScore", bands = new[] { new { key = "pass", label = "达标", minScore = 60 } } },
    };

    private static HttpRequestMessage Upload(string url, byte[] file) =>
        new(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "probe.xlsx" } } };

    private static readonly ProbeSet CultivationProbes = new()
    {
        ["GET /api/v1/cultivation/models"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/models")),
        ["GET /api/v1/cultivation/models/{id:guid}"] = async (w, _, t) => Get($"/api/v1/cultivation/models/{await ModelOf(w, t)}"),
        ["GET /api/v1/cultivation/jurisdictions/{id:guid}/models"] = (w, _, t) => Task.FromResult(Get($"/api/v1/cultivation/jurisdictions/{Place(w, t)}/models?year=2024")),
        ["POST /api/v1/cultivation/models"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/cultivation/models",
            new { jurisdictionId = Place(w, t), kind = "Scoring", year = 2030, definition = MinimalModel })),
        ["PUT /api/v1/cultivation/enterprises/{id:guid}/profile"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Put,
            $"/api/v1/cultivation/enterprises/{Row<Enterprise>(w, r, t)}/profile", new { nicheSinceYear = 2015, rdInstitutionLevel = 2, version = 0 })),
        ["PUT /api/v1/cultivation/enterprises/{id:guid}/supplementary/{year:int}"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Put,
            $"/api/v1/cultivation/enterprises/{Row<Enterprise>(w, r, t)}/supplementary/{2000 + Next() % 20}", new { totalAssets = 1_000_000m, totalLiabilities = 400_000m })),
        ["GET /api/v1/cultivation/enterprises/{id:guid}"] = (w, r, t) => Task.FromResult(Get($"/api/v1/cultivation/enterprises/{Row<Enterprise>(w, r, t)}?year=2024")),
        ["GET /api/v1/cultivation/enterprises/{id:guid}/expert-scores"] = (w, r, t) =>
            Task.FromResult(Get($"/api/v1/cultivation/enterprises/{Row<Enterprise>(w, r, t)}/expert-scores?year=2024")),
        ["GET /api/v1/cultivation/expert-scores"] = async (w, _, _) =>
        {
            // A score in each jurisdiction, so the list has rows to keep in or out of scope.
            await using var db = w.Host.OpenSystem();
            foreach (var id in new[] { w.Rows[typeof(Enterprise)].Own, w.Rows[typeof(Enterprise)].Other })
                if (!await db.ExpertScores.AnyAsync(s => s.EnterpriseId == id && s.Key == "srdi-score" && s.Year == 2024))
                {
                    var enterprise = await db.Enterprises.SingleAsync(e => e.Id == id);
                    db.ExpertScores.Add(new ExpertScore { JurisdictionId = enterprise.JurisdictionId, EnterpriseId = id, Year = 2024, Key = "srdi-score", Score = 66, Reviewer = "matrix" });
                }
            await db.SaveChangesAsync();
            return Get("/api/v1/cultivation/expert-scores?year=2024&pageSize=500");
        },
        ["PUT /api/v1/cultivation/expert-scores"] = (w, r, t) => Task.FromResult(Send(HttpMethod.Put, "/api/v1/cultivation/expert-scores",
            new { enterpriseId = Row<Enterprise>(w, r, t), year = 2024, key = "srdi-score", score = 70 })),
        ["GET /api/v1/cultivation/expert-scores/template.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/expert-scores/template.xlsx")),
        ["POST /api/v1/cultivation/expert-scores/import"] = async (w, r, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var id = Row<Enterprise>(w, r, t);
            var uscc = (await db.Enterprises.SingleAsync(e => e.Id == id)).Uscc;
            return Upload("/api/v1/cultivation/expert-scores/import", Shared.Excel.Workbooks.Rows("专家评分",
                [new Dictionary<string, object?> { ["统一社会信用代码"] = uscc, ["产业链"] = null, ["年度"] = 2024, ["评分项"] = "srdi-score", ["评分"] = 65, ["说明"] = null }]));
        },
        ["POST /api/v1/cultivation/reviews"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            // One open review per jurisdiction and year: close the previous probe's, so each allowed role's call can succeed.
            foreach (var open in await db.EvaluationRuns.Where(x => x.Kind == RunKind.TierReview && x.Status == RunStatus.Proposed && x.Year == 2024).ToListAsync())
                open.Status = RunStatus.Closed;
            await db.SaveChangesAsync();
            return Send(HttpMethod.Post, "/api/v1/cultivation/reviews", new { jurisdictionId = Place(w, t), year = 2024 });
        },
        ["POST /api/v1/cultivation/results/{id:guid}/decision"] = async (w, r, t) =>
        {
            var (_, result) = await FreshRun(w, r, t, RunKind.TierReview, RunStatus.Proposed);
            return Send(HttpMethod.Post, $"/api/v1/cultivation/results/{result.Id}/decision", new { confirm = false, note = "矩阵：暂缓", version = 0 });
        },
        ["GET /api/v1/cultivation/tiers"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/tiers?history=true")),
        ["GET /api/v1/cultivation/tiers.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/tiers.xlsx")),
        ["GET /api/v1/cultivation/exits"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/exits")),
        ["GET /api/v1/cultivation/chain-targets"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/chain-targets")),
        ["GET /api/v1/cultivation/chain-leader-growth"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/chain-leader-growth")),
        ["POST /api/v1/cultivation/gradings"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/cultivation/gradings", new { jurisdictionId = Place(w, t), year = 2024 })),
        ["POST /api/v1/cultivation/runs/{id:guid}/publish"] = async (w, r, t) =>
        {
            var (run, _) = await FreshRun(w, r, t == Target.Own ? Target.Own : Target.Other, RunKind.Grading, RunStatus.Draft);
            return Send(HttpMethod.Post, $"/api/v1/cultivation/runs/{run.Id}/publish", new { objectionDays = 7, version = 0 });
        },
        ["POST /api/v1/cultivation/runs/{id:guid}/lock"] = async (w, r, t) =>
        {
            var (run, _) = await FreshRun(w, r, t, RunKind.Grading, RunStatus.Published, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2));
            return Send(HttpMethod.Post, $"/api/v1/cultivation/runs/{run.Id}/lock", new { version = 0 });
        },
        ["POST /api/v1/cultivation/results/{id:guid}/objections"] = async (w, r, t) =>
        {
            var (_, result) = await FreshRun(w, r, t, RunKind.Grading, RunStatus.Published, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
            return Send(HttpMethod.Post, $"/api/v1/cultivation/results/{result.Id}/objections", new { reason = "用地面积统计有误" });
        },
        ["PUT /api/v1/cultivation/objections/{id:guid}"] = async (w, r, t) =>
        {
            var (run, _) = await FreshRun(w, r, t, RunKind.Grading, RunStatus.Published, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5), withObjection: true);
            await using var db = w.Host.OpenSystem();
            var objection = await db.Objections.SingleAsync(o => o.RunId == run.Id);
            return Send(HttpMethod.Put, $"/api/v1/cultivation/objections/{objection.Id}", new { upheld = false, resolution = "经核实，数据无误", version = 0 });
        },
        ["GET /api/v1/cultivation/runs"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/runs")),
        ["GET /api/v1/cultivation/runs/{id:guid}"] = async (w, _, t) => Get($"/api/v1/cultivation/runs/{await RunToRead(w, t)}"),
        ["GET /api/v1/cultivation/runs/{id:guid}/results"] = async (w, _, t) => Get($"/api/v1/cultivation/runs/{await RunToRead(w, t)}/results?page=1&pageSize=10"),
        ["GET /api/v1/cultivation/runs/{id:guid}/distribution"] = async (w, _, t) => Get($"/api/v1/cultivation/runs/{await RunToRead(w, t)}/distribution?by=chain"),
        ["GET /api/v1/cultivation/runs/{id:guid}/objections"] = async (w, _, t) => Get($"/api/v1/cultivation/runs/{await RunToRead(w, t)}/objections"),
        ["GET /api/v1/cultivation/runs/{id:guid}/results.xlsx"] = async (w, _, t) => Get($"/api/v1/cultivation/runs/{await RunToRead(w, t)}/results.xlsx"),
        ["GET /api/v1/cultivation/results/{id:guid}"] = async (w, r, t) => Get($"/api/v1/cultivation/results/{(await FreshRun(w, r, t, RunKind.Grading, RunStatus.Draft)).Result.Id}"),
        ["GET /api/v1/cultivation/srdi"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/srdi?year=2024")),
        ["GET /api/v1/cultivation/srdi.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/srdi.xlsx?year=2024")),
        ["GET /api/v1/cultivation/awards"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/awards?year=2024")),
        ["GET /api/v1/cultivation/small-to-scale"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/small-to-scale?year=2024")),
        ["GET /api/v1/cultivation/small-to-scale.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/small-to-scale.xlsx?year=2024")),
        ["GET /api/v1/cultivation/four-ups"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/four-ups?year=2024")),
        ["GET /api/v1/cultivation/ipo-pool"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/ipo-pool")),
        ["GET /api/v1/cultivation/ipo-pool.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/cultivation/ipo-pool.xlsx")),
    };
}
