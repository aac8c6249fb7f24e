using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Hosting;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Bench;

/// <summary>
/// (e) 亩均 grading and (f) chain-leader tier evaluation of the whole synthetic province through the application's
/// computations (load, derive values, score, classify), each against the same computation as one SQL statement, and
/// as the runs the application stores (results with their figures, sealed by the run). The province adopts 安康's per-mu models and 达州's chain-leader model for the year.
/// </summary>
public static class CultivationBench
{
    public static async Task<IReadOnlyList<string>> RunAsync(IServiceProvider services, DatabaseOptions options, string connection, SyntheticProvince province)
    {
        await services.GetRequiredService<Qianglian.Web.Modules.Policies.PackLoader>().LoadAllAsync(RepositoryPaths.Packs, default);
        await services.GetRequiredService<CultivationPackLoader>().LoadAllAsync(RepositoryPaths.Packs, default);
        await using (var db = options.Create(UserScope.System, TimeProvider.System))
        {
            // A province measured again (database=) keeps its models; earlier runs are removed so a review may start.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "EvaluationResults"; DELETE FROM "EvaluationRuns" """);
            foreach (var code in new[] { ModelCatalog.PerMuAbove, ModelCatalog.PerMuBelow, ModelCatalog.ChainLeader })
            {
                if (await db.CultivationModels.AnyAsync(m => m.Code == code && m.Origin == "bench")) continue;
                var source = await db.CultivationModels.FirstAsync(m => m.Code == code && m.FromPack);
                db.CultivationModels.Add(new CultivationModel
                {
                    JurisdictionId = province.ProvinceId, Kind = source.Kind, Code = code, Name = source.Name, Year = 2024, Revision = 1,
                    Definition = source.Definition, ContentHash = source.ContentHash, Origin = "bench", CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
        }
        await Settle(connection);
        await using var read = options.Create(UserScope.System, TimeProvider.System);
        read.ChangeTracker.AutoDetectChangesEnabled = false;
        var above = ModelJson.Read<ScoringModel>((await ModelCatalog.Resolve(read, province.ProvincePath, ModelKind.Scoring, ModelCatalog.PerMuAbove, 2024, default))!.Definition);
        var below = ModelJson.Read<ScoringModel>((await ModelCatalog.Resolve(read, province.ProvincePath, ModelKind.Scoring, ModelCatalog.PerMuBelow, 2024, default))!.Definition);
        var leader = ModelJson.Read<ScoringModel>((await ModelCatalog.Resolve(read, province.ProvincePath, ModelKind.Scoring, ModelCatalog.ChainLeader, 2024, default))!.Definition);

        (Grading? graded, double gradingSeconds, double gradingCpu) = await Measure(() => GradingComputation.ComputeAsync(read, province.ProvincePath, 2024, above, below, new DateOnly(2024, 12, 31), default));
        var (gradingSql, gradingSqlSeconds, _) = await Measure(() => Scalar(connection, $"SELECT count(*) FROM ({GradingSql}) g"));
        var (gradingRun, gradingRunSeconds, gradingRunCpu) = await Measure(() => services.GetRequiredService<RunGrading>().Handle(new(province.ProvinceId, 2024), default));
        // A stored result opened, its explanation written out from its figures (median of 20, a different result each time).
        var opened = new List<double>();
        await using (var db = options.Create(UserScope.System, TimeProvider.System))
            foreach (var id in await db.EvaluationResults.Where(r => r.RunId == gradingRun).OrderBy(r => r.EnterpriseId).Select(r => r.Id).Take(20).ToListAsync())
                opened.Add((await Measure(() => services.GetRequiredService<ReadRuns>().Result(id, default))).Seconds * 1000);
        var (_, gradingSqlStoreSeconds, _) = await Measure(() => Scalar(connection, $"CREATE TEMPORARY TABLE bench_grades AS {GradingSql}"));
        await Settle(connection);
        graded = null;
        GC.Collect();

        (TierReviewOutcome? tiers, double tierSeconds, double tierCpu) = await Measure(() => TierReviewComputation.ComputeAsync(read, province.ProvincePath, leader, 2024, new DateOnly(2024, 12, 31), default));
        var (tierSql, tierSqlSeconds, _) = await Measure(() => Scalar(connection, $"SELECT count(*) FROM ({TierSql}) t"));
        var tierCount = tiers!.Candidates.Count;
        tiers = null;
        GC.Collect();
        var (_, tierRunSeconds, tierRunCpu) = await Measure(() => services.GetRequiredService<RunTierReview>().Handle(new(province.ProvinceId, 2024), default));
        var (_, tierSqlStoreSeconds, _) = await Measure(() => Scalar(connection, $"CREATE TEMPORARY TABLE bench_tiers AS {TierSql}"));

        return
        [
            $"| (e) 亩均 grading of the province ({gradingSql:N0} enterprises, two models): computation | {gradingSeconds:F1} s (CPU {gradingCpu:F1} s) | one SQL statement: {gradingSqlSeconds:F1} s | {gradingSeconds / gradingSqlSeconds:F1}× |",
            $"| (e) the same as a grading run, stored (a result per enterprise with its figures, sealed by the run) | {gradingRunSeconds:F1} s (CPU {gradingRunCpu:F1} s) | the SQL statement into a table: {gradingSqlStoreSeconds:F1} s | {gradingRunSeconds / gradingSqlStoreSeconds:F1}× |",
            $"| (e) one stored result opened, its explanation written out from its figures | median {Median(opened):F0} ms of {opened.Count} | | |",
            $"| (f) chain-leader tier evaluation ({tierCount:N0} enterprise–chain pairs): computation | {tierSeconds:F1} s (CPU {tierCpu:F1} s) | one SQL statement ({tierSql:N0} rows): {tierSqlSeconds:F1} s | {tierSeconds / tierSqlSeconds:F1}× |",
            $"| (f) the same as a tier review, stored (a proposal per pair, sealed by the run) | {tierRunSeconds:F1} s (CPU {tierRunCpu:F1} s) | the SQL statement into a table: {tierSqlStoreSeconds:F1} s | {tierRunSeconds / tierSqlStoreSeconds:F1}× |",
        ];
    }

    /// <summary>
    /// Lets the server finish the housekeeping the writes before left it (vacuuming the results deleted or just copied),
    /// so that it does not run in the background of the next measurement.
    /// </summary>
    private static Task Settle(string connection) => Scalar(connection, "VACUUM ANALYZE \"EvaluationResults\"");

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    /// <summary>Wall clock and this process's CPU time (the machine's other work inflates the first far more than the second).</summary>
    private static async Task<(T Result, double Seconds, double CpuSeconds)> Measure<T>(Func<Task<T>> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await work();
        return (result, clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static async Task<long> Scalar(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync() is long n ? n : 0;
    }

    // The six above-scale indicators (benchmark ratio, cap 1.5) and the two below-scale ones, ranked per population and
    // cut at 20/60/95%: the same arithmetic as the per-mu models, without explanations or exemptions.
    private const string GradingSql = """
        WITH v AS (
          SELECT f."EnterpriseId", f."Revenue" >= 20000000 AS above,
            CASE WHEN f."Revenue" >= 20000000 THEN
                LEAST(COALESCE(f."TaxPaid" / NULLIF(f."LandMu", 0), 0) / 100000, 1.5) * 30 + LEAST(COALESCE(f."ValueAdded" / NULLIF(f."LandMu", 0), 0) / 500000, 1.5) * 20
              + LEAST(COALESCE(f."ValueAdded" / NULLIF(f."Employees", 0), 0) / 300000, 1.5) * 15 + LEAST(COALESCE(f."ValueAdded" / NULLIF(f."EnergyTce", 0), 0) / 20000, 1.5) * 15
              + LEAST(COALESCE(f."ValueAdded" / NULLIF(f."EmissionsTonnes", 0), 0) / 5000000, 1.5) * 10 + LEAST(COALESCE(f."RdSpend" / NULLIF(f."Revenue", 0), 0) / 0.02, 1.5) * 10
            ELSE LEAST(COALESCE(f."TaxPaid" / NULLIF(f."LandMu", 0), 0) / 50000, 1.5) * 70 + LEAST(COALESCE(f."TaxPaid" / NULLIF(f."ElectricityKwh", 0), 0) / 0.3, 1.5) * 30 END AS score
          FROM "EnterpriseYearFacts" f JOIN "Enterprises" e ON e."Id" = f."EnterpriseId"
          WHERE f."Year" = 2024 AND e."IndustryCode" BETWEEN '06' AND '47'),
        r AS (SELECT *, rank() OVER (PARTITION BY above ORDER BY score DESC) AS rk, count(*) OVER (PARTITION BY above) AS n FROM v)
        SELECT "EnterpriseId", score, rk, CASE WHEN rk <= 0.2 * n THEN 'A' WHEN rk <= 0.6 * n THEN 'B' WHEN rk <= 0.95 * n THEN 'C' ELSE 'D' END AS grade FROM r
        """;

    // The chain-leader quantitative indicators per enterprise and chain: revenue, share of the chain's revenue, growth,
    // R&D intensity, patents, local supporting rate and local suppliers from the year's supply links; tier by score.
    private const string TierSql = """
        WITH l AS (SELECT DISTINCT "ChainId", "EnterpriseId" FROM "EnterpriseNodeLinks" WHERE "Evidence" <> 3 AND "Role" IN (1, 2)),
        f AS (SELECT l."ChainId", l."EnterpriseId", y."Revenue", y."RdSpend", y."InventionPatents", p."Revenue" AS prev
              FROM l JOIN "EnterpriseYearFacts" y ON y."EnterpriseId" = l."EnterpriseId" AND y."Year" = 2024
              LEFT JOIN "EnterpriseYearFacts" p ON p."EnterpriseId" = l."EnterpriseId" AND p."Year" = 2023),
        t AS (SELECT "ChainId", sum("Revenue") AS total FROM f GROUP BY "ChainId"),
        s AS (SELECT sl."CustomerId", sum(sl."Amount") AS bought, count(DISTINCT sl."SupplierId") AS suppliers
              FROM "SupplyLinks" sl WHERE sl."Year" = 2024 GROUP BY sl."CustomerId"),
        sc AS (SELECT LEAST(f."Revenue" / 1000000000, 1) * 15 + LEAST(f."Revenue" / NULLIF(t.total, 0) / 0.3, 1) * 10
                 + (60 + 40 * GREATEST(LEAST(COALESCE(f."Revenue" / NULLIF(f.prev, 0) - 1, 0), 0.2), 0) / 0.2) * 0.05
                 + LEAST(f."RdSpend" / NULLIF(f."Revenue", 0) / 0.03, 1) * 10
                 + CASE WHEN f."InventionPatents" >= 20 THEN 10 WHEN f."InventionPatents" >= 10 THEN 7 WHEN f."InventionPatents" >= 5 THEN 5 WHEN f."InventionPatents" >= 1 THEN 2 ELSE 0 END
                 + CASE WHEN s.bought > 0 THEN 10 ELSE 0 END
                 + CASE WHEN s.suppliers >= 20 THEN 10 WHEN s.suppliers >= 10 THEN 7 WHEN s.suppliers >= 5 THEN 4 WHEN s.suppliers >= 1 THEN 2 ELSE 0 END AS score
                 , f."ChainId", f."EnterpriseId"
               FROM f JOIN t ON t."ChainId" = f."ChainId" LEFT JOIN s ON s."CustomerId" = f."EnterpriseId")
        SELECT "ChainId", "EnterpriseId", score, CASE WHEN score >= 80 THEN 1 WHEN score >= 65 THEN 2 WHEN score >= 50 THEN 3 END AS tier FROM sc
        """;
}
