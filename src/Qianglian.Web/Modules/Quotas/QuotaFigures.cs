using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Quotas;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Quotas;

/// <summary>
/// The query behind every quota figure: per chain and element, the pool's running totals and the use its projects
/// recorded, for one year, through the caller's scoped context (a county sees its own projects' use of a city
/// chain's pool only if it sees the pool — it does not). Only pools that exist are returned: an element never granted
/// nor requested has no figure, not a zero.
/// </summary>
public static class QuotaFigures
{
    public sealed record Row(Guid ChainId, QuotaElement Element, QuotaPoolFigures Figures);

    public static async Task<IReadOnlyList<Row>> ForAsync(AppDbContext db, int year, string? underPath, Guid? chainId, CancellationToken ct)
    {
        var pools = db.Set<QuotaPool>().AsNoTracking().Where(p => p.Year == year);
        if (underPath is not null) pools = pools.Where(p => p.JurisdictionPath.StartsWith(underPath));
        if (chainId is { } c) pools = pools.Where(p => p.ChainId == c);
        var rows = await pools.ToListAsync(ct);
        var chains = rows.Select(p => p.ChainId).Distinct().ToList();
        var used = await db.Set<QuotaRequest>().AsNoTracking().Where(r => r.Year == year && chains.Contains(r.ChainId) && r.Status == QuotaRequestStatus.Allocated)
            .GroupBy(r => new { r.ChainId, r.Element }).Select(g => new { g.Key.ChainId, g.Key.Element, Consumed = g.Sum(r => r.Consumed) }).ToListAsync(ct);
        return rows.Select(p => new Row(p.ChainId, p.Element, new QuotaPoolFigures(p.Granted, p.TransferredIn, p.TransferredOut, p.Allocated,
                used.FirstOrDefault(u => u.ChainId == p.ChainId && u.Element == p.Element)?.Consumed ?? 0)))
            .OrderBy(r => r.ChainId).ThenBy(r => r.Element).ToList();
    }

    public static QuotaElementView View(QuotaElement element, QuotaPoolFigures f) =>
        new(element, QuotaElements.Unit(element), f.Granted, f.TransferredIn, f.TransferredOut, f.Pool, f.Allocated, f.Consumed, f.Unallocated, f.AllocatedShare, f.UsedShare);
}
