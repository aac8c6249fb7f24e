using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Audit;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Cultivation;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// Re-computes the whole chain in sequence order (streamed) and returns the first broken link — each keyed entry's MAC
/// with the key it names (from the key directory, outside the database), unkeyed entries written before the chain was
/// keyed by their plain hash — and, given a head kept outside the database, checks that the log still holds it. Then,
/// with the chain intact, re-computes the seal of every run's results from the rows as stored and compares it with the
/// seal the chain recorded (results are audited by their run's seal, not one entry each), and on request compares the
/// checked registers with their last audited state (<see cref="AuditDrift"/>). Runs with the system scope: it must see
/// every entry, whoever wrote it. An archive (<see cref="ExportAudit"/>) is verified the same way, without the database.
/// </summary>
public sealed class VerifyAudit(DatabaseOptions database, TimeProvider clock)
{
    /// <param name="HeadFile">A head written earlier by <c>audit-head</c>: the log must still hold that entry unchanged.</param>
    /// <param name="Drift">Also compare the checked registers with their last audited state.</param>
    public sealed record Options(string? HeadFile = null, bool Drift = false);

    /// <param name="HeadHash">Hash of the newest entry: keep it outside the database to detect truncation later.</param>
    /// <param name="SealBreaks">Runs whose results no longer match the seal the chain recorded.</param>
    /// <param name="Unkeyed">Entries written before the chain was keyed (protected by the plain hash chain only).</param>
    /// <param name="Drift">Rows that differ from their last audited state (only with <see cref="Options.Drift"/>).</param>
    public sealed record Result(long Checked, AuditBreak? FirstBreak, string? HeadHash = null, IReadOnlyList<SealBreak>? SealBreaks = null,
        long HeadSequence = 0, long Unkeyed = 0, IReadOnlyList<AuditDrift.Difference>? Drift = null)
    {
        public bool Intact => FirstBreak is null && SealBreaks is not { Count: > 0 } && Drift is not { Count: > 0 };
    }

    public sealed record SealBreak(Guid RunId, string Title, string Reason);

    public Task<Result> Handle(CancellationToken ct) => Handle(new Options(), ct);

    public async Task<Result> Handle(Options options, CancellationToken ct)
    {
        await using var db = database.Create(UserScope.System, clock);
        var sealsRecorded = new Dictionary<string, string?>(StringComparer.Ordinal);
        var drift = options.Drift ? new AuditDrift() : null;
        var chain = await WalkAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable(), options, row =>
        {
            if (row.EntityType == nameof(EvaluationRun) && ChangesSeal(row.Changes, out var seal)) sealsRecorded[row.EntityKey] = seal;
            drift?.Apply(row);
        }, ct);
        if (chain.FirstBreak is not null) return chain;
        return chain with
        {
            SealBreaks = await CheckSealsAsync(db, sealsRecorded, ct),
            Drift = drift is null ? null : await drift.CompareAsync(db, ct),
        };
    }

    /// <summary>Verifies an archive written by <c>audit-export</c>, without the database.</summary>
    public Task<Result> HandleArchive(string file, Options options, CancellationToken ct) =>
        WalkAsync(ExportAudit.ReadAsync(file, ct), options, _ => { }, ct);

    private async Task<Result> WalkAsync(IAsyncEnumerable<AuditEntry> entries, Options options, Action<AuditEntry> each, CancellationToken ct)
    {
        var keys = database.AuditKeys;
        var verifier = new AuditChainVerifier(keys.Find, keys.UnkeyedUntil);
        var kept = options.HeadFile is null ? null : AuditHead.Read(options.HeadFile);
        long count = 0, headSequence = 0;
        string? head = null;
        await foreach (var row in entries.WithCancellation(ct))
        {
            count++;
            if (verifier.Next(row.ToRecord(), row.Hash) is { } broken) return new Result(count, broken, Unkeyed: verifier.Unkeyed);
            if (kept is not null && row.Sequence == kept.Sequence && row.Hash != kept.Hash)
                return new Result(count, new AuditBreak(row.Sequence, "与保存在库外的链头不符，链被改写 (entry differs from the head kept outside the database: chain rewritten)"));
            (head, headSequence) = (row.Hash, row.Sequence);
            each(row);
        }
        if (kept is not null && headSequence < kept.Sequence)
            return new Result(count, new AuditBreak(kept.Sequence,
                $"日志止于第 {headSequence} 条，库外保存的链头是第 {kept.Sequence} 条，末尾的记录被删除 (log ends before the head kept outside the database: newest entries deleted)"));
        return new Result(count, null, head, null, headSequence, verifier.Unkeyed);
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
