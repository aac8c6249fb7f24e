using Microsoft.EntityFrameworkCore;
using Qianglian.Web.Modules.Incentives;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: where a fund's yearly budget stands is the fund's figure, not the caller's — a district approver weighs the
/// city fund's whole balance, and the applicant sees the same figure. So the approved and paid amounts of every
/// application paid from the fund in the fund's jurisdiction are summed past both filters; only the two sums leave.
/// The fund's place must govern the caller (its jurisdiction, above it or below it).
/// </summary>
public static class FundTotals
{
    public sealed record Totals(decimal Committed, decimal Paid);

    /// <param name="fundJurisdictionId">The jurisdiction that keeps the fund (the measures' own).</param>
    /// <param name="fundPath">Its path: applications below it count.</param>
    public static async Task<Totals> FundTotalsAsync(this AppDbContext db, Guid fundJurisdictionId, string fundPath, string fund, int year, CancellationToken ct)
    {
        if (!db.Scope.Reaches(fundPath)) return new Totals(0m, 0m);
        var measures = db.Set<IncentiveMeasure>().IgnoreQueryFilters([ScopeFilters.Jurisdiction])
            .Where(m => m.JurisdictionId == fundJurisdictionId && m.Fund == fund).Select(m => m.Id);
        var amounts = await db.Set<IncentiveApplication>().IgnoreQueryFilters([ScopeFilters.Jurisdiction, ScopeFilters.Enterprise]).AsNoTracking()
            .Where(a => a.BudgetYear == year && a.ApprovedAmount != null && measures.Contains(a.MeasureId) && a.JurisdictionPath.StartsWith(fundPath))
            .Select(a => new { a.ApprovedAmount, a.PaidAmount }).ToListAsync(ct);
        // Summed here: SQLite stores decimals as text and cannot aggregate them exactly.
        return new Totals(amounts.Sum(a => a.ApprovedAmount ?? 0m), amounts.Sum(a => a.PaidAmount));
    }
}
