using Microsoft.EntityFrameworkCore;
using Qianglian.Core.Policies;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Jurisdictions;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// The members of the classes a document's catch-all names stand for, at the document's place, read once per planning:
/// its counties with their government units, its chains with their lead and cooperating departments and their host and
/// collaborating places (chain profiles), its township units. Everything read lies in the caller's scope (the document's place is the caller's or below it).
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
            CatchAllKind.AllChainHostGovernments or CatchAllKind.AllChainCollaboratingGovernments => CatchAllExpansion.Expand(k, [], [], [], await ChainPlacesAsync(ct)),
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

    /// <summary>
    /// The document's chains with the places set as their 主要承载地 and 协同发展地, each with the unit that answers for it:
    /// a county's people's government, a park's committee (<see cref="PlaceUnit"/>). Places are set within the chain's
    /// jurisdiction (ChainProfile), so they lie in the caller's scope.
    /// </summary>
    private async Task<List<ChainPlaces>> ChainPlacesAsync(CancellationToken ct)
    {
        var chains = await db.Chains.AsNoTracking().Where(c => c.JurisdictionId == place).OrderBy(c => c.Ordinal).ThenBy(c => c.Name)
            .Select(c => new { c.Name, c.HostJurisdictionIds, c.CollaboratingJurisdictionIds }).ToListAsync(ct);
        var ids = chains.SelectMany(c => c.HostJurisdictionIds.Concat(c.CollaboratingJurisdictionIds)).Distinct().ToList();
        var places = await db.Jurisdictions.AsNoTracking().Where(j => ids.Contains(j.Id)).Select(j => new { j.Id, j.Name, j.Level }).ToDictionaryAsync(j => j.Id, ct);
        var governments = (await db.Units.AsNoTracking().Where(u => ids.Contains(u.JurisdictionId)).Select(u => new { u.Id, u.JurisdictionId, u.Name, u.Kind }).ToListAsync(ct))
            .Where(u => PlaceUnit.AnswersFor(Policies.DocumentImporter.PlaceKindOf(places[u.JurisdictionId].Level),
                u.Kind == UnitKind.ParkCommittee, u.Kind == UnitKind.CountyGovernment, u.Kind == UnitKind.Government, u.Name))
            .ToLookup(u => u.JurisdictionId, u => u.Id);
        List<PlaceUnits> Of(List<Guid> set) => set.Where(places.ContainsKey).Select(id => new PlaceUnits(places[id].Name, governments[id].ToList())).ToList();
        return chains.Select(c => new ChainPlaces(c.Name, Of(c.HostJurisdictionIds), Of(c.CollaboratingJurisdictionIds))).ToList();
    }

    private async Task<List<Guid>> TownshipsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Township && u.JurisdictionPath.StartsWith(placePath))
            .OrderBy(u => u.Name).Select(u => u.Id).ToListAsync(ct);
}
