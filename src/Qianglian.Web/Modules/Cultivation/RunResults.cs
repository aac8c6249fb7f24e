using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

/// <summary>
/// Stores a run with its results — one per enterprise (and chain), a million for a province — in one transaction: the
/// run by a tracked save, the results through bulk saves in batches (binary COPY on PostgreSQL, the change tracker on
/// SQLite), each result scope-checked and audited like any save. A failure leaves nothing of the run.
/// </summary>
internal static class RunResults
{
    private const int BatchSize = 5000;

    /// <summary>Stores <paramref name="run"/> and the result of each item; the results of a batch (their explanations as JSON) are made on every core.</summary>
    public static async Task SaveAsync<T>(AppDbContext db, EvaluationRun run, IReadOnlyList<T> items, Func<T, EvaluationResult> result, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.EvaluationRuns.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var chunk in items.Chunk(BatchSize))
        {
            var batch = db.NewBulkBatch<EvaluationResult>();
            batch.Added.AddRange(chunk.AsParallel().AsOrdered().Select(result));
            await db.BulkSaveAsync(batch, ct);
        }
        await transaction.CommitAsync(ct);
    }
}
