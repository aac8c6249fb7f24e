using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Audit;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// Re-computes the whole hash chain in sequence order (streamed) and returns the first broken link; then, with the
/// chain intact, re-computes the seal of every run's results from the rows as stored and compares it with the seal
/// the chain recorded (results are audited by their run's seal, not one entry each). Runs with the system scope: it
/// must see every entry, whoever wrote it.
/// </summary>
public sealed class VerifyAudit(DatabaseOptions database, TimeProvider clock)
{
    /// <param name="HeadHash">Hash of the newest entry: keep it outside the database to detect truncation later.</param>
    /// <param name="SealBreaks">Runs whose results no longer match the seal the chain recorded.</param>
    public sealed record Result(long Checked, AuditBreak? FirstBreak, string? HeadHash = null, IReadOnlyList<SealBreak>? SealBreaks = null)
    {
        public bool Intact => FirstBreak is null && SealBreaks is not { Count: > 0 };
    }

    public sealed record SealBreak(Guid RunId, string Title, string Reason);

    public async Task<Result> Handle(CancellationToken ct)
    {
        await using var db = database.Create(UserScope.System, clock);
        var verifier = new AuditChainVerifier();
        var sealsRecorded = new Dictionary<string, string?>(StringComparer.Ordinal);
        long count = 0;
        string? head = null;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (verifier.Next(row.ToRecord(), row.Hash) is { } broken) return new Result(count, broken);
            head = row.Hash;
            if (row.EntityType == nameof(EvaluationRun) && ChangesSeal(row.Changes, out var seal)) sealsRecorded[row.EntityKey] = seal;
        }
        return new Result(count, null, head, await CheckSealsAsync(db, sealsRecorded, ct));
    }

    /// <summary>Whether an entry changed <see cref="EvaluationRun.ResultsSeal"/>, and to what.</summary>
    private static bool ChangesSeal(string changes, out string? seal)
    {
        using var json = JsonDocument.Parse(changes);
        var changed = json.RootElement.TryGetProperty(nameof(EvaluationRun.ResultsSeal), out var change);
        seal = changed && change.TryGetProperty("after", out var after) ? after.GetString() : null;
        return changed;
    }

    private static async Task<List<SealBreak>> CheckSealsAsync(AppDbContext db, Dictionary<string, string?> recorded, CancellationToken ct)
    {
        var breaks = new List<SealBreak>();
        var runs = await db.EvaluationRuns.AsNoTracking().Select(r => new { r.Id, r.Title, r.ResultsSeal }).ToListAsync(ct);
        foreach (var run in runs)
        {
            var audited = recorded.GetValueOrDefault(run.Id.ToString());
            if (audited != run.ResultsSeal)
            {
                breaks.Add(new(run.Id, run.Title, "评价的封存值与审计记录不符 (the run's seal differs from the audited one)"));
                continue;
            }
            if (run.ResultsSeal is null) continue; // stored before results were sealed: each result has its own entry
            var hashes = new List<byte[]>();
            await foreach (var result in db.EvaluationResults.AsNoTracking().Where(x => x.RunId == run.Id).AsAsyncEnumerable().WithCancellation(ct))
                hashes.Add(Seal.HashOf(result));
            if (RowSeal.Of(hashes) != run.ResultsSeal)
                breaks.Add(new(run.Id, run.Title, "评价结果与封存值不符，结果在评价后被改动、增加或删除 (results changed, added or removed after the run)"));
        }
        // Results hold no foreign key to their run (see ProvinceScaleRowsAttribute): any left without one are reported.
        foreach (var orphaned in await db.EvaluationResults.Where(x => !db.EvaluationRuns.Any(r => r.Id == x.RunId)).Select(x => x.RunId).Distinct().ToListAsync(ct))
            breaks.Add(new(orphaned, "", "评价已不存在，其结果却仍在 (results of a run that no longer exists)"));
        return breaks;
    }
}
