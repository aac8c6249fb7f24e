using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Audit;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Audit;

/// <summary>
/// Re-computes the whole hash chain in sequence order (streamed) and returns the first broken link. Runs with the
/// system scope: it must see every entry, whoever wrote it.
/// </summary>
public sealed class VerifyAudit(DatabaseOptions database, TimeProvider clock)
{
    /// <param name="HeadHash">Hash of the newest entry: keep it outside the database to detect truncation later.</param>
    public sealed record Result(long Checked, AuditBreak? FirstBreak, string? HeadHash = null);

    public async Task<Result> Handle(CancellationToken ct)
    {
        await using var db = database.Create(UserScope.System, clock);
        var verifier = new AuditChainVerifier();
        long count = 0;
        string? head = null;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (verifier.Next(row.ToRecord(), row.Hash) is { } broken) return new Result(count, broken);
            head = row.Hash;
        }
        return new Result(count, null, head);
    }
}
