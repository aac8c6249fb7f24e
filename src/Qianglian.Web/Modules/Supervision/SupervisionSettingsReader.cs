using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Supervision;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The settings that apply to a jurisdiction: its own, else its nearest ancestor's, else the defaults.</summary>
public static class SupervisionSettingsReader
{
    /// <summary>Settings are configuration, not data of the caller's subtree: a county reads its city's numbers.</summary>
    public static async Task<SupervisionSettings?> ForPathAsync(AppDbContext db, string jurisdictionPath, CancellationToken ct)
    {
        var all = await db.SupervisionSettings.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        return all.Where(s => jurisdictionPath.StartsWith(s.JurisdictionPath, StringComparison.Ordinal))
            .MaxBy(s => s.JurisdictionPath.Length);
    }

    public static SupervisionRules RulesOf(SupervisionSettings? settings) => settings?.Rules ?? SupervisionRules.Default;
}
