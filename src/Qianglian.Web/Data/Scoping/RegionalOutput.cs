using Microsoft.EntityFrameworkCore;

namespace Qianglian.Web.Data;

/// <summary>
/// Door: a county's location quotient and relatedness density compare its industries with those of every region of
/// the same level in the province (RankNodes), so the registry's output is summed past the jurisdiction filter — per
/// place and two-digit industry only; no enterprise leaves the query. The reference region must lie at or above the
/// caller, or inside its scope.
/// </summary>
public static class RegionalOutput
{
    public sealed record PlaceIndustryOutput(string Path, string IndustryCode, decimal Output);

    /// <summary>The latest year any enterprise has reported facts for (the default year of a comparison).</summary>
    public static Task<int?> LatestFactYearAsync(this AppDbContext db, CancellationToken ct) =>
        db.EnterpriseFacts.IgnoreQueryFilters([ScopeFilters.Jurisdiction]).MaxAsync(f => (int?)f.Year, ct);

    /// <summary>Output of <paramref name="year"/> per enterprise place and industry code, inside <paramref name="region"/>.</summary>
    public static async Task<List<PlaceIndustryOutput>> OutputByPlaceAndIndustryAsync(this AppDbContext db, string region, int year, CancellationToken ct)
    {
        if (!db.Scope.Reaches(region)) return [];
        return await (from f in db.EnterpriseFacts.IgnoreQueryFilters([ScopeFilters.Jurisdiction])
                      join e in db.Enterprises on f.EnterpriseId equals e.Id
                      where f.Year == year && e.IndustryCode != null && e.JurisdictionPath.StartsWith(region) && f.OutputValue > 0
                      group f.OutputValue by new { e.JurisdictionPath, e.IndustryCode } into g
                      select new PlaceIndustryOutput(g.Key.JurisdictionPath, g.Key.IndustryCode!, g.Sum())).ToListAsync(ct);
    }
}
