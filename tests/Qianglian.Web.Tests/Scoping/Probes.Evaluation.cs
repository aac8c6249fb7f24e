using Qianglian.Core.Evaluation;
using Qianglian.Web.Modules.Evaluation;

namespace Qianglian.Web.Tests.Scoping;

public static partial class Probes
{
    /// <summary>A stored index run of the own (西区) or other (达州) jurisdiction's matrix chain, with its one result.</summary>
    private static async Task<(IndexRun Run, IndexResult Result)> FreshIndexRun(ScopingWorld w, Target t)
    {
        var chain = w.Rows[typeof(Modules.Chains.Chain)];
        await using var db = w.Host.OpenSystem();
        var run = new IndexRun
        {
            JurisdictionId = Place(w, t), Subject = IndexSubject.Chain, Year = 2024, ModelVersion = "矩阵模型", SubjectCount = 1, ScoredCount = 1,
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "probe",
        };
        var result = new IndexResult
        {
            JurisdictionId = Place(w, t), RunId = run.Id, SubjectId = t == Target.Own ? chain.Own : chain.Other, Name = "矩阵产业链", Score = 70, Rank = 1,
            Class = "合格", ClassKey = "pass", Verdict = Verdict.None, Values = "{}", Explanation = """{"lines":[],"dimensions":{},"notes":[]}""",
        };
        db.AddRange(run, result);
        await db.SaveChangesAsync();
        return (run, result);
    }

    /// <summary>A stored statistic of the own or other jurisdiction (a fresh year each time), with an attached copy when asked.</summary>
    private static async Task<Guid> FreshStatistic(ScopingWorld w, Target t, bool attached = false)
    {
        await using var db = w.Host.OpenSystem();
        var row = new JurisdictionStatistic
        {
            JurisdictionId = Place(w, t), Kind = StatisticKind.StandardFactoryReserve, Year = 2000, Subject = $"矩阵{Next()}", Value = 3, Source = "矩阵厂房台账", RecordedBy = "probe",
            AttachmentName = attached ? "ledger.pdf" : null, AttachmentType = attached ? "application/pdf" : null, AttachmentContent = attached ? [1, 2, 3] : null,
        };
        db.JurisdictionStatistics.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static object IndexModel() => new
    {
        subject = "Chain", praise = new[] { "top" }, criticism = Array.Empty<string>(),
        model = new
        {
            code = "chain-index", name = "矩阵指数",
            indicators = new[] { new { key = "output", name = "产值", input = "output", method = "BenchmarkRatio", benchmark = 100_000_000m, weight = 100 } },
            classification = new { mode = "ByScore", bands = new[] { new { key = "top", label = "优秀", minScore = 0 } } },
        },
    };

    private static Guid MatrixChain(ScopingWorld w, Target t) => t == Target.Own ? w.Rows[typeof(Modules.Chains.Chain)].Own : w.Rows[typeof(Modules.Chains.Chain)].Other;

    /// <summary>The evaluation index, targets, and the dashboards (a chain's and a county's: own or another jurisdiction's).</summary>
    private static readonly ProbeSet EvaluationProbes = new()
    {
        ["GET /api/v1/evaluation/models"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/models")),
        ["GET /api/v1/evaluation/models/applicable"] = (w, _, t) => Task.FromResult(Get($"/api/v1/evaluation/models/applicable?jurisdictionId={Place(w, t)}&subject=Chain&year=2024")),
        ["POST /api/v1/evaluation/models"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/evaluation/models",
            new { jurisdictionId = Place(w, t), year = 2040 + Next() % 50, definition = IndexModel() })),
        ["POST /api/v1/evaluation/runs"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/evaluation/runs", new { jurisdictionId = Place(w, t), year = 2024, subject = "Chain" })),
        ["GET /api/v1/evaluation/runs"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/runs")),
        ["GET /api/v1/evaluation/runs/{id:guid}"] = async (w, _, t) => Get($"/api/v1/evaluation/runs/{(await FreshIndexRun(w, t)).Run.Id}"),
        ["GET /api/v1/evaluation/runs/{id:guid}/ranking.xlsx"] = async (w, _, t) => Get($"/api/v1/evaluation/runs/{(await FreshIndexRun(w, t)).Run.Id}/ranking.xlsx"),
        ["GET /api/v1/evaluation/results/{id:guid}"] = async (w, _, t) => Get($"/api/v1/evaluation/results/{(await FreshIndexRun(w, t)).Result.Id}"),
        ["GET /api/v1/evaluation/targets"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/targets?year=2025")),
        ["GET /api/v1/evaluation/targets.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/targets.xlsx?year=2025")),
        ["GET /api/v1/evaluation/events"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/events?year=2025")),
        ["POST /api/v1/evaluation/events"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/evaluation/events",
            new { jurisdictionId = Place(w, t), kind = "GroupGroundbreaking", name = $"矩阵集中开工{Next()}", heldOn = "2025-03-01" })),
        ["PUT /api/v1/evaluation/events/{id:guid}"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var row = new IndustryEvent { JurisdictionId = Place(w, t), Kind = IndustryEventKind.SiteObservation, Name = $"矩阵观摩{Next()}", HeldOn = new DateOnly(2025, 4, 1), RecordedBy = "probe" };
            db.IndustryEvents.Add(row);
            await db.SaveChangesAsync();
            return Send(HttpMethod.Put, $"/api/v1/evaluation/events/{row.Id}",
                new { jurisdictionId = Place(w, t), kind = "SiteObservation", name = row.Name + "（更正）", heldOn = "2025-04-02", version = row.Version });
        },
        ["DELETE /api/v1/evaluation/events/{id:guid}"] = async (w, _, t) =>
        {
            await using var db = w.Host.OpenSystem();
            var row = new IndustryEvent { JurisdictionId = Place(w, t), Kind = IndustryEventKind.SiteObservation, Name = $"矩阵观摩{Next()}", HeldOn = new DateOnly(2025, 4, 1), RecordedBy = "probe" };
            db.IndustryEvents.Add(row);
            await db.SaveChangesAsync();
            return new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/evaluation/events/{row.Id}");
        },
        ["GET /api/v1/evaluation/statistics"] = (_, _, _) => Task.FromResult(Get("/api/v1/evaluation/statistics?year=2025")),
        ["POST /api/v1/evaluation/statistics"] = (w, _, t) => Task.FromResult(Send(HttpMethod.Post, "/api/v1/evaluation/statistics",
            new { jurisdictionId = Place(w, t), kind = "IndustrialLandShare", year = 2000 + Next() % 100, value = 31.5m, source = "矩阵自然资源局出让台账" })),
        ["DELETE /api/v1/evaluation/statistics/{id:guid}"] = async (w, _, t) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/evaluation/statistics/{await FreshStatistic(w, t)}"),
        ["POST /api/v1/evaluation/statistics/{id:guid}/attachment"] = async (w, _, t) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/evaluation/statistics/{await FreshStatistic(w, t)}/attachment")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent("矩阵附件"u8.ToArray()), "file", "source.pdf" } },
        },
        ["GET /api/v1/evaluation/statistics/{id:guid}/attachment"] = async (w, _, t) => Get($"/api/v1/evaluation/statistics/{await FreshStatistic(w, t, attached: true)}/attachment"),
        ["GET /api/v1/dashboards/office"] = (_, _, _) => Task.FromResult(Get("/api/v1/dashboards/office?year=2025")),
        ["GET /api/v1/dashboards/office.xlsx"] = (_, _, _) => Task.FromResult(Get("/api/v1/dashboards/office.xlsx?year=2025")),
        ["GET /api/v1/dashboards/chains/{id:guid}"] = (w, _, t) => Task.FromResult(Get($"/api/v1/dashboards/chains/{MatrixChain(w, t)}?year=2025")),
        ["GET /api/v1/dashboards/chains/{id:guid}.xlsx"] = (w, _, t) => Task.FromResult(Get($"/api/v1/dashboards/chains/{MatrixChain(w, t)}.xlsx?year=2025&chart=outputTrend")),
        ["GET /api/v1/dashboards/county"] = (w, _, t) => Task.FromResult(Get($"/api/v1/dashboards/county?year=2025&jurisdictionId={Place(w, t)}")),
        ["GET /api/v1/dashboards/county.xlsx"] = (w, _, t) => Task.FromResult(Get($"/api/v1/dashboards/county.xlsx?year=2025&jurisdictionId={Place(w, t)}")),
    };
}
