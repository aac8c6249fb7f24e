using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Stores a run with its results — one per enterprise (and chain), a million for a province — in one transaction: the
/// run by a tracked save, the results in sealed bulk inserts (binary COPY on PostgreSQL, the change tracker on SQLite),
/// scope-checked like any save, then the seal of all of them into the run's audited <see cref="EvaluationRun.ResultsSeal"/>.
/// A failure leaves nothing of the run.
/// </summary>
internal static class RunResults
{
    private const int BatchSize = 10_000;

    /// <summary>A run this large can be much of the results table: the planner learns of it at once, not at its next analyze.</summary>
    private const int RefreshStatisticsFrom = 50_000;

    /// <summary>Stores <paramref name="run"/> and result number 0 … <paramref name="count"/> − 1; each batch is built on every core while the one before is written.</summary>
    public static async Task SaveAsync(AppDbContext db, EvaluationRun run, int count, Func<int, EvaluationResult> result, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EvaluationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var seal = new Seal();
        await db.BulkInsertSealedAsync(Batches(count, result, ct), seal, ct);
        if (seal.Count != count) throw new InvalidOperationException($"{seal.Count} of {count} results written");
        run.ResultsSeal = seal.Digest();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (count >= RefreshStatisticsFrom) await db.RefreshStatisticsAsync<EvaluationResult>(ct);
    }

    private static async IAsyncEnumerable<IReadOnlyList<EvaluationResult>> Batches(int count, Func<int, EvaluationResult> result, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Task<EvaluationResult[]> Build(int from) => Task.Run(() =>
        {
            var rows = new EvaluationResult[Math.Min(BatchSize, count - from)];
            Parallel.For(0, rows.Length, n => rows[n] = result(from + n));
            return rows;
        }, ct);
        var next = count > 0 ? Build(0) : null;
        for (var from = 0; from < count; from += BatchSize)
        {
            var rows = await next!;
            next = from + BatchSize < count ? Build(from + BatchSize) : null;
            yield return rows;
        }
    }

    /// <summary>
    /// The order to write results in: by score, lowest first, the unscored last — the order of the index a run's results
    /// are read by, so each insert lands at its right-hand end instead of at random.
    /// </summary>
    public static int[] ByScore(int count, Func<int, decimal?> score)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var keys = order.Select(n => score(n) is { } s ? (0, s) : (1, 0m)).ToArray();
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The result of subject <paramref name="n"/> of a scored group, as the run fixed it.</summary>
    public static EvaluationResult Of(ScoredGroup group, int n, Guid runId, Guid modelId)
    {
        var (subject, outcome) = (group.Subjects[n], group.Scores.Outcomes[n]);
        return new EvaluationResult
        {
            JurisdictionId = subject.JurisdictionId, RunId = runId, ModelId = modelId, EnterpriseId = subject.EnterpriseId, ChainId = subject.ChainId,
            Score = outcome.Total, Rank = outcome.Rank, Class = outcome.Class, ClassKey = outcome.ClassKey, FinalClass = outcome.Class, Exempt = outcome.Exempt,
            Figures = ResultFigures.Write(group.Model, group.Rows[n]), Notes = ResultExplanation.JoinNotes(outcome.Notes),
        };
    }
}
