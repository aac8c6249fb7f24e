using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Jurisdictions;
using Qianglian.Web.Auth;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <param name="Shipped">Loaded from packs/national/holidays/ (the State Council's notice as shipped), not entered on screen.</param>
public sealed record HolidayNoticeView(Guid Id, int Year, string Title, string? DocumentNumber, DateOnly? IssuedOn, string? Source, bool Shipped,
    Guid JurisdictionId, string JurisdictionPath, string JurisdictionName, int Version);

/// <param name="CalendarEntered">A notice for the year is kept at the caller's place or above it: working days of the year
/// are counted on its holidays. When false, on weekends alone (该年度节假日安排未录入，按周末计算).</param>
/// <param name="Notices">The notices that govern the caller's place (kept there or above), then those its subtree keeps.</param>
public sealed record HolidayYearView(int Year, bool CalendarEntered, IReadOnlyList<HolidayNoticeView> Notices);

/// <summary>
/// Whose notice sets a year's holidays where the caller works: the notices kept at the caller's place and above it
/// (through the <see cref="InheritedConfiguration"/> door: usually the nation's) and those its subtree keeps.
/// </summary>
public sealed class ReadHolidayNotices(AppDb dbs, CurrentUser user, TimeProvider clock)
{
    public async Task<HolidayYearView> Handle(int? year, CancellationToken ct)
    {
        user.Require(Permission.ViewProjects);
        var y = year ?? BusinessDate.Today(clock).Year;
        await using var db = dbs.Open();
        var governing = await db.InheritedAsync<HolidayNotice>([db.Scope.Path], ct, n => n.Year == y);
        var below = await db.Set<HolidayNotice>().AsNoTracking().Where(n => n.Year == y).ToListAsync(ct);
        var all = governing.Concat(below).DistinctBy(n => n.Id).OrderBy(n => n.JurisdictionPath.Length).ThenBy(n => n.JurisdictionPath, StringComparer.Ordinal).ToList();
        var names = await db.JurisdictionNamesAsync(all.Select(n => n.JurisdictionId), ct);
        var entered = all.Any(n => JurisdictionPath.IsWithin(db.Scope.Path, n.JurisdictionPath));
        return new HolidayYearView(y, entered, all.Select(n => View(n, names.GetValueOrDefault(n.JurisdictionId, ""))).ToList());
    }

    internal static HolidayNoticeView View(HolidayNotice n, string place) =>
        new(n.Id, n.Year, n.Title, n.DocumentNumber, n.IssuedOn, n.Source, n.DataVersion > 0, n.JurisdictionId, n.JurisdictionPath, place, n.Version);
}
