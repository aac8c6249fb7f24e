using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Policies;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The members of the classes a document's catch-all names stand for, at the document's place, read once per planning:
/// its counties with their government units, its chains with their lead and cooperating departments (chain profiles),
/// its township units. Everything read lies in the caller's scope (the document's place is the caller's or below it).
/// </summary>
internal sealed class ClassMembers(AppDbContext db, Guid place, string placePath)
{
    private readonly Dictionary<CatchAllKind, Expansion> expanded = [];

    public async Task<Expansion> ExpandAsync(CatchAllKind? kind, CancellationToken ct)
    {
        if (kind is not { } k) return Expansion.None;
        if (expanded.TryGetValue(k, out var known)) return known;
        var expansion = k switch
        {
            CatchAllKind.AllCounties => CatchAllExpansion.Expand(k, await CountiesAsync(ct), [], []),
            CatchAllKind.AllChainLeadDepartments or CatchAllKind.AllChainCooperatingDepartments => CatchAllExpansion.Expand(k, [], await ChainsAsync(ct), []),
            CatchAllKind.AllTownships => CatchAllExpansion.Expand(k, [], [], await TownshipsAsync(ct)),
            _ => Expansion.None,
        };
        return expanded[k] = expansion;
    }

    /// <summary>The county-level places directly under the document's place, each with the units that answer for it.</summary>
    private async Task<List<CountyUnits>> CountiesAsync(CancellationToken ct)
    {
        var counties = await db.Jurisdictions.AsNoTracking().Where(j => j.ParentId == place && j.Level == JurisdictionLevel.County)
            .OrderBy(j => j.Code).Select(j => new { j.Id, j.Name }).ToListAsync(ct);
        var ids = counties.Select(c => c.Id).ToList();
        var units = (await db.Units.AsNoTracking().Where(u => ids.Contains(u.JurisdictionId)).Select(u => new { u.Id, u.JurisdictionId, u.Name, u.Kind }).ToListAsync(ct))
            .Where(u => PlaceUnit.AnswersFor(PlaceKind.County, u.Kind == UnitKind.ParkCommittee, u.Kind == UnitKind.CountyGovernment, u.Kind == UnitKind.Government, u.Name))
            .ToLookup(u => u.JurisdictionId, u => u.Id);
        return counties.Select(c => new CountyUnits(c.Name, units[c.Id].ToList())).ToList();
    }

    private async Task<List<ChainUnits>> ChainsAsync(CancellationToken ct) =>
        (await db.Chains.AsNoTracking().Where(c => c.JurisdictionId == place).OrderBy(c => c.Ordinal).ThenBy(c => c.Name)
            .Select(c => new { c.Name, c.LeadUnitId, c.CooperatingUnitIds }).ToListAsync(ct))
        .Select(c => new ChainUnits(c.Name, c.LeadUnitId, c.CooperatingUnitIds)).ToList();

    private async Task<List<Guid>> TownshipsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Township && u.JurisdictionPath.StartsWith(placePath))
            .OrderBy(u => u.Name).Select(u => u.Id).ToListAsync(ct);
}
