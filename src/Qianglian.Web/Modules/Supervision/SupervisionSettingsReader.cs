using Qianglian.Core.Supervision;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>The settings that apply to a jurisdiction: its own, else its nearest ancestor's, else the defaults.</summary>
public static class SupervisionSettingsReader
{
    /// <summary>Settings are inherited configuration, not data of the caller's subtree: a county reads its city's numbers.</summary>
    public static async Task<SupervisionSettings?> ForPathAsync(AppDbContext db, string jurisdictionPath, CancellationToken ct) =>
        InheritedConfiguration.Nearest(await db.InheritedAsync<SupervisionSettings>([jurisdictionPath], ct), jurisdictionPath);

    /// <summary>
    /// Every settings row that governs one of <paramref name="paths"/> (kept at it or above it), read once for a list:
    /// pick each row's own with <see cref="InheritedConfiguration.Nearest{T}"/>.
    /// </summary>
    public static Task<List<SupervisionSettings>> GoverningAsync(AppDbContext db, IEnumerable<string> paths, CancellationToken ct) =>
        db.InheritedAsync<SupervisionSettings>(paths.Distinct(), ct);

    public static SupervisionRules RulesOf(SupervisionSettings? settings) => settings?.Rules ?? SupervisionRules.Default;
}
