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
    public sealed record Result(long Checked, AuditBreak? FirstBreak);

    public async Task<Result> Handle(CancellationToken ct)
    {
        await using var db = database.Create(UserScope.System, clock);
        var verifier = new AuditChainVerifier();
        long count = 0;
        await foreach (var row in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (verifier.Next(row.ToRecord(), row.Hash) is { } broken) return new Result(count, broken);
        }
        return new Result(count, null);
    }
}
