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
/// Runs store their results in sealed bulk inserts (binary COPY on PostgreSQL, the change tracker on SQLite): every
/// result as the computation gave it, with the figures its explanation is written out from; the run's audit trail
/// records the seal of them all instead of an entry each, and verify-audit finds any result changed behind its back.
/// </summary>
public abstract class RunStorageTests<THost>(THost host) : IClassFixture<THost> where THost : HostFixture
{
    [Fact]
    public async Task A_grading_stores_every_result_as_computed_under_one_audited_seal()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));

        await using var db = host.OpenSystem();
        var path = (await db.Jurisdictions.SingleAsync(j => j.Id == xiqu)).JurisdictionPath;
        var (_, above) = await ModelCatalog.RequireScoring(db, path, ModelCatalog.PerMuAbove, 2024, default);
        var below = ModelJson.Read<ScoringModel>((await ModelCatalog.Resolve(db, path, ModelKind.Scoring, ModelCatalog.PerMuBelow, 2024, default))!.Definition);
        var grading = await GradingComputation.ComputeAsync(db, path, 2024, above, below, CultivationClock.YearEnd(2024), default);
        var expected = new[] { grading.Above, grading.Below! }
            .SelectMany(g => Enumerable.Range(0, g.Count).Select(n => (Group: g, Row: n)))
            .ToDictionary(x => x.Group.Subjects[x.Row].EnterpriseId);
        var stored = await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run).ToListAsync();

        Assert.Equal(expected.Keys.Order(), stored.Select(r => r.EnterpriseId).Order());
        Assert.Contains(stored, r => r.Exempt);
        var storedRun = await db.EvaluationRuns.AsNoTracking().SingleAsync(r => r.Id == run);
        var averages = ResultExplanation.ReadByModel(storedRun.Averages);
        foreach (var r in stored)
        {
            var (group, n) = expected[r.EnterpriseId];
            var outcome = group.Scores.Outcomes[n];
            Assert.Equal((outcome.Total, outcome.Rank, outcome.Class, outcome.Exempt, ResultFigures.Write(group.Model, group.Rows[n])), (r.Score, r.Rank, r.Class, r.Exempt, r.Figures));
            // Written out again from the stored figures: line for line what the computation explains.
            var again = ResultExplanation.Of(r, group.Model, ResultExplanation.ForModel(averages, r.ModelId), "");
            Assert.Equal(ModelJson.Write(group.Explain(n)), ModelJson.Write(again));
            Assert.Null(r.Explanation);
        }

        // No entry per result: the run's trail records the seal of them all.
        var keys = stored.Select(r => r.Id.ToString()).ToList();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(EvaluationResult) && keys.Contains(a.EntityKey)));
        var trail = await db.AuditEntries.Where(a => a.EntityType == nameof(EvaluationRun) && a.EntityKey == run.ToString()).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["Added", "Modified"], trail.Select(a => a.Action));
        var sealed_ = JsonDocument.Parse(trail[1].Changes).RootElement.GetProperty(nameof(EvaluationRun.ResultsSeal)).GetProperty("after").GetString();
        Assert.Equal(Seal.Of(stored), sealed_);
        Assert.Equal(storedRun.ResultsSeal, sealed_);
        Assert.True((await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task A_result_changed_added_or_removed_behind_the_runs_back_breaks_its_seal_and_an_audited_decision_does_not()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));
        var verify = host.Services.GetRequiredService<VerifyAudit>();
        EvaluationResult target;
        await using (var db = host.OpenSystem())
        {
            target = await db.EvaluationResults.FirstAsync(r => r.RunId == run && r.Score != null);
            target.DecisionNote = "复核意见"; // not sealed: audited as a change of its own
            await db.SaveChangesAsync();
        }
        Assert.True((await verify.Handle(CancellationToken.None)).Intact);

        async Task<IReadOnlyList<VerifyAudit.SealBreak>> BrokenBy(string tamper, string undo)
        {
            await using var db = host.OpenSystem();
            await db.Database.ExecuteSqlRawAsync(tamper);
            try { return (await verify.Handle(CancellationToken.None)).SealBreaks!; }
            finally { await db.Database.ExecuteSqlRawAsync(undo); }
        }
        var score = $"UPDATE \"EvaluationResults\" SET \"Score\" = \"Score\" + 1 WHERE \"Id\" = {Literal(target.Id)}";
        Assert.Equal(run, Assert.Single(await BrokenBy(score, score.Replace("+ 1", "- 1"))).RunId);
        var added = Guid.CreateVersion7();
        var copy = $"INSERT INTO \"EvaluationResults\" ({Columns(null)}) SELECT {Columns(added)} FROM \"EvaluationResults\" WHERE \"Id\" = {Literal(target.Id)}";
        Assert.Contains("增加或删除", Assert.Single(await BrokenBy(copy, $"DELETE FROM \"EvaluationResults\" WHERE \"Id\" = {Literal(added)}")).Reason);
        Assert.True((await verify.Handle(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Sealed_rows_copied_in_bulk_are_identical_to_the_same_rows_saved_through_the_change_tracker_and_read_back_to_their_seal()
    {
        var (client, xiqu) = await Office(host);
        var run = await Created(await client.PostAsJsonAsync("/api/v1/cultivation/gradings", new { jurisdictionId = xiqu, year = 2024 }));
        List<EvaluationResult> source;
        // The copies belong to a run of their own without a seal, so the graded run's seal still holds.
        var holder = new EvaluationRun { JurisdictionId = xiqu, Kind = RunKind.Grading, Year = 2024, Status = Core.Cultivation.RunStatus.Draft, Title = "存储比对", CreatedBy = "test" };
        await using (var db = host.OpenSystem())
        {
            source = await db.EvaluationResults.AsNoTracking().Where(r => r.RunId == run).OrderBy(r => r.Id).Take(6).ToListAsync();
            db.EvaluationRuns.Add(holder);
            await db.SaveChangesAsync();
        }
        // Every kind of column filled at least once: nullable enums, instants, texts with Chinese and quotes.
        var decidedAt = new DateTimeOffset(2025, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);
        var chainId = Guid.CreateVersion7(); // no chain of that id: results hold no foreign keys
        EvaluationResult Copy(EvaluationResult r, int n) => new()
        {
            JurisdictionId = r.JurisdictionId, RunId = holder.Id, ModelId = r.ModelId, EnterpriseId = r.EnterpriseId, ChainId = n % 2 == 0 ? null : chainId,
            Score = n == 0 ? null : r.Score, Rank = n == 0 ? null : r.Rank, Class = r.Class, ClassKey = r.ClassKey, FinalClass = r.FinalClass, Exempt = n == 0,
            Figures = n == 1 ? null : r.Figures, Notes = n % 3 == 0 ? null : "说明“引号”\\反斜杠\n换行；第二条", HeldTier = n % 2 == 0 ? Tier.Cultivation : null,
            ReachedTier = n % 3 == 0 ? null : Tier.Demonstration, Proposal = ProposalKind.Promote, Decision = n % 2 == 0 ? Decision.Confirmed : Decision.Pending,
            DecisionNote = n % 2 == 0 ? "同意" : null, DecidedBy = n % 2 == 0 ? "联席办" : null, DecidedAt = n % 2 == 0 ? decidedAt : null,
        };

        var scope = new UserScope { Path = await PathOf(xiqu), UserName = "storage.test" };
        var options = host.Services.GetRequiredService<DatabaseOptions>();
        var tracked = source.Select(Copy).ToList();
        await using (var db = options.Create(scope, TimeProvider.System))
        {
            db.EvaluationResults.AddRange(tracked);
            await db.SaveChangesAsync();
        }
        var bulk = source.Select(Copy).ToList();
        var seal = new Seal();
        await using (var db = options.Create(scope, TimeProvider.System))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.BulkInsertSealedAsync(bulk, seal, default);
            await transaction.CommitAsync();
        }

        await using var check = host.OpenSystem();
        var columns = check.Model.FindEntityType(typeof(EvaluationResult))!.GetProperties().Where(p => p.Name != nameof(Entity.Id)).ToList();
        var rows = await check.EvaluationResults.AsNoTracking().Where(r => tracked.Select(t => t.Id).Contains(r.Id) || bulk.Select(b => b.Id).Contains(r.Id)).ToDictionaryAsync(r => r.Id);
        for (var n = 0; n < tracked.Count; n++)
            foreach (var column in columns)
                Assert.Equal(column.PropertyInfo!.GetValue(rows[tracked[n].Id]), column.PropertyInfo!.GetValue(rows[bulk[n].Id]));
        Assert.Equal(seal.Digest(), Seal.Of(bulk.Select(b => rows[b.Id])));
        var keys = bulk.Select(b => b.Id.ToString()).ToList();
        Assert.False(await check.AuditEntries.AnyAsync(a => keys.Contains(a.EntityKey)));
        Assert.True((await host.Services.GetRequiredService<VerifyAudit>().Handle(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task Sealed_rows_are_written_only_inside_the_transaction_that_records_their_seal()
    {
        await using var db = host.OpenSystem();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.BulkInsertSealedAsync([new EvaluationResult()], new Seal(), default));
        Assert.Contains("transaction", e.Message);
    }

    /// <summary>The result columns, the id replaced by <paramref name="id"/> when given.</summary>
    private string Columns(Guid? id)
    {
        using var db = host.OpenSystem();
        return string.Join(", ", db.Model.FindEntityType(typeof(EvaluationResult))!.GetProperties()
            .Select(p => p.Name == nameof(Entity.Id) && id is { } value ? Literal(value) : $"\"{p.GetColumnName()}\""));
    }

    /// <summary>An id as each database stores it (SQLite: upper-case text).</summary>
    private string Literal(Guid id) => host is PostgresHost ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";

    private async Task<string> PathOf(Guid jurisdiction)
    {
        await using var db = host.OpenSystem();
        return (await db.Jurisdictions.SingleAsync(j => j.Id == jurisdiction)).JurisdictionPath;
    }
}

public sealed class RunStorageOnSqlite(SqliteHost host) : RunStorageTests<SqliteHost>(host);
public sealed class RunStorageOnPostgres(PostgresHost host) : RunStorageTests<PostgresHost>(host);
