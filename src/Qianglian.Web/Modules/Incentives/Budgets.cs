using Qianglian.Core.Incentives;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>
/// Where a fund's yearly budget stands: the budget kept by the measure's jurisdiction (configuration the districts
/// below it inherit), against the approved (committed) and paid amounts of every application paid from it in that
/// whole jurisdiction — the fund's totals (<see cref="FundTotals"/>), not just what the caller happens to see.
/// </summary>
internal static class Budgets
{
    /// <summary>The position of the measure's fund for the year, with <paramref name="requested"/>; null when the measure has no fund.</summary>
    public static async Task<BudgetPosition?> PositionFor(AppDbContext db, IncentiveMeasure measure, int year, decimal requested, CancellationToken ct)
    {
        if (measure.Fund is not { } fund) return null;
        var keeper = measure.JurisdictionId;
        var budget = (await db.InheritedAsync<IncentiveBudget>([measure.JurisdictionPath], ct, b => b.JurisdictionId == keeper && b.Year == year && b.Fund == fund))
            .FirstOrDefault();
        var totals = await db.FundTotalsAsync(measure.JurisdictionId, measure.JurisdictionPath, fund, year, ct);
        return new BudgetPosition(budget?.Amount ?? 0m, totals.Committed, totals.Paid, requested);
    }
}
