using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Incentives;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Where a fund's yearly budget stands: approved (committed) and paid amounts of every application paid from it, in
/// the budget's whole jurisdiction — not just what the caller happens to see — so the totals are the fund's.
/// </summary>
internal static class Budgets
{
    public sealed record Totals(decimal Committed, decimal Paid);

    public static async Task<Totals> TotalsOf(AppDbContext db, Guid jurisdictionId, string path, string fund, int year, CancellationToken ct)
    {
        var measures = db.Set<IncentiveMeasure>().IgnoreQueryFilters().Where(m => m.JurisdictionId == jurisdictionId && m.Fund == fund).Select(m => m.Id);
        var approved = db.Set<IncentiveApplication>().IgnoreQueryFilters()
            .Where(a => a.BudgetYear == year && a.ApprovedAmount != null && measures.Contains(a.MeasureId) && a.JurisdictionPath.StartsWith(path));
        // Summed here: SQLite stores decimals as text and cannot aggregate them exactly.
        var amounts = await approved.Select(a => new { a.ApprovedAmount, a.PaidAmount }).ToListAsync(ct);
        return new Totals(amounts.Sum(a => a.ApprovedAmount ?? 0m), amounts.Sum(a => a.PaidAmount));
    }

    /// <summary>The position of the measure's fund for the year, with <paramref name="requested"/>; null when the measure has no fund.</summary>
    public static async Task<BudgetPosition?> PositionFor(AppDbContext db, IncentiveMeasure measure, int year, decimal requested, CancellationToken ct)
    {
        if (measure.Fund is not { } fund) return null;
        var budget = await db.Set<IncentiveBudget>().IgnoreQueryFilters()
            .FirstOrDefaultAsync(b => b.JurisdictionId == measure.JurisdictionId && b.Year == year && b.Fund == fund, ct);
        var totals = await TotalsOf(db, measure.JurisdictionId, measure.JurisdictionPath, fund, year, ct);
        return new BudgetPosition(budget?.Amount ?? 0m, totals.Committed, totals.Paid, requested);
    }
}
