using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Audit;
using Qianglian.Web.Modules.Cultivation;
using Qianglian.Web.Tests.Hosting;
using static Qianglian.Web.Tests.Cultivation.CultivationApi;

namespace Qianglian.Web.Tests.Cultivation;

/// <summary>
/// Runs store their results through bulk saves (binary COPY on PostgreSQL, the change tracker on SQLite): every result
/// as the computation gave it, one verifiable audit entry each, and byte for byte the rows and entries a tracked save
/// of the same results writes.
/// </summary>
public abstract class RunStorageTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_grading_stores_every_result_as_computed_each_audited_once()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));

        await using var db = host.OpenSystem();
        var path = (await db.Jurisdictions.SingleAsync(j => j.Id == xiqu)).JurisdictionPath;
        var (_, above) = await ModelCatalog.RequireScoring(db, path, ModelCatalog.PerMuAbove, 2024, default);
        var below = ModelJson.Read<ScoringModel>((await ModelCatalog.Resolve(db, path, ModelKind.Scoring, ModelCatalog.PerMuBelow, 2024, default))!.Definition);
        var expected = (await GradingComputation.ComputeAsync(db, path, 2024, above, below, CultivationClock.YearEnd(2024), default)).ToDictionary(g => g.EnterpriseId);
        var stored = await db.EvaluationResults.Where(r => r.RunId == run).ToListAsync();

        Assert.Equal(expected.Keys.Order(), stored.Select(r => r.EnterpriseId).Order());
        Assert.All(stored, r => Assert.Equal(
            (expected[r.EnterpriseId].Score.Total, expected[r.EnterpriseId].Score.Rank, expected[r.EnterpriseId].Score.Class, ModelJson.Write(expected[r.EnterpriseId].Score)),
            (r.Score, r.Rank, r.Class, r.Explanation)));

        var keys = stored.Select(r => r.Id.ToString()).ToList();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(EvaluationResult) && keys.Contains(a.EntityKey)).ToListAsync();
        Assert.Equal(keys.Order(), audit.Select(a => a.EntityKey).Order());
        Assert.All(audit, a => Assert.Equal(("Added", "xiqu.office"), (a.Action, a.UserName)));
        Assert.All(stored, r =>
        {
            var entry = audit.Single(a => a.EntityKey == r.Id.ToString());
            Assert.Equal(r.JurisdictionPath, entry.JurisdictionPath);
            Assert.Equal(r.Explanation, JsonDocument.Parse(entry.Changes).RootElement.GetProperty("Explanation").GetProperty("after").GetString());
        });
        Assert.Null((await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None)).FirstBreak);
    }

    [Fact]
    public async Task Results_written_in_bulk_are_identical_to_the_same_results_saved_through_the_change_tracker()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));
        List<EvaluationResult> source;
        await using (var db = host.OpenSystem()) source = await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run).OrderBy(r => r.Id).Take(6).ToListAsync();
        // Every kind of column filled at least once: nullable enums, instants, texts with Chinese and quotes.
        var decidedAt = new DateTimeOffset(2025, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);
        EvaluationResult Copy(EvaluationResult r, int n) => new()
        {
            JurisdictionId = r.JurisdictionId, RunId = r.RunId, ModelId = r.ModelId, EnterpriseId = r.EnterpriseId, ChainId = n % 2 == 0 ? null : r.ChainId,
            Score = n == 0 ? null : r.Score, Rank = n == 0 ? null : r.Rank, Class = r.Class, ClassKey = r.ClassKey, FinalClass = r.FinalClass, Exempt = n == 0,
            Explanation = r.Explanation, Notes = n % 3 == 0 ? null : "说明“引号”\\反斜杠\n换行", HeldTier = n % 2 == 0 ? Tier.Cultivation : null,
            ReachedTier = n % 3 == 0 ? null : Tier.Demonstration, Proposal = ProposalKind.Promote, Decision = n % 2 == 0 ? Decision.Confirmed : Decision.Pending,
            DecisionNote = n % 2 == 0 ? "同意" : null, DecidedBy = n % 2 == 0 ? "联席办" : null, DecidedAt = n % 2 == 0 ? decidedAt : null,
        };

        var scope = new UserScope { Path = (await PathOf(xiqu)), UserName = "storage.test" };
        var options = host.Services.GetRequiredService<DatabaseOptions>();
        var tracked = source.Select(Copy).ToList();
        await using (var db = options.Create(scope, TimeProvider.System))
        {
            db.EvaluationResults.AddRange(tracked);
            await db.SaveChangesAsync();
        }
        var bulk = source.Select(Copy).ToList();
        await using (var db = options.Create(scope, TimeProvider.System))
        {
            var batch = db.NewBulkBatch<EvaluationResult>();
            batch.Added.AddRange(bulk);
            await db.BulkSaveAsync(batch, default);
        }

        await using var check = host.OpenSystem();
        var columns = check.Model.FindEntityType(typeof(EvaluationResult))!.GetProperties().Where(p => p.Name != nameof(Entity.Id)).ToList();
        var ids = tracked.Concat(bulk).Select(r => r.Id).ToList();
        var rows = await check.EvaluationResults.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        var keys = ids.Select(id => id.ToString()).ToList();
        var entries = await check.AuditEntries.Where(a => keys.Contains(a.EntityKey)).ToDictionaryAsync(a => a.EntityKey);
        for (var n = 0; n < tracked.Count; n++)
        {
            var (a, b) = (rows[tracked[n].Id], rows[bulk[n].Id]);
            foreach (var column in columns)
                Assert.Equal(column.PropertyInfo!.GetValue(a), column.PropertyInfo!.GetValue(b));
            Assert.Equal(WithoutId(entries[a.Id.ToString()].Changes), WithoutId(entries[b.Id.ToString()].Changes));
            Assert.Equal((entries[a.Id.ToString()].Action, entries[a.Id.ToString()].JurisdictionPath), (entries[b.Id.ToString()].Action, entries[b.Id.ToString()].JurisdictionPath));
        }
        Assert.Null((await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None)).FirstBreak);
    }

    private async Task<string> PathOf(Guid jurisdiction)
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Id == jurisdiction)).JurisdictionPath;
    }

    private static string WithoutId(string changes)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(changes)!;
        fields.Remove(nameof(Entity.Id));
        return JsonSerializer.Serialize(fields);
    }
}

public sealed class RunStorageOnSqlite(SqliteHost host) : RunStorageTests<SqliteHost>(host);
public sealed class RunStorageOnPostgres(PostgresHost host) : RunStorageTests<PostgresHost>(host);
