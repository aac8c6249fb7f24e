namespace Qianglian.Core.Policies;

/// <summary>A county (or city-level district) under the document's place, with the unit that answers for it, if registered.</summary>
public sealed record CountyUnits(string County, IReadOnlyList<Guid> GovernmentUnitIds);

/// <summary>A chain of the document's place with its 牵头部门 and 配合部门 from the chain profile.</summary>
public sealed record ChainUnits(string Chain, Guid? LeadUnitId, IReadOnlyList<Guid> CooperatingUnitIds);

/// <summary>A place a chain is built in (主要承载地) or supported by (协同发展地), with the units that answer for it.</summary>
public sealed record PlaceUnits(string Place, IReadOnlyList<Guid> GovernmentUnitIds);

/// <summary>A chain of the document's place with its 主要承载地 and 协同发展地 from the chain profile.</summary>
public sealed record ChainPlaces(string Chain, IReadOnlyList<PlaceUnits> Hosts, IReadOnlyList<PlaceUnits> Collaborating);

/// <param name="Via">What the unit is in the catch-all's class: the county, or the chains it leads or cooperates on.</param>
public sealed record ExpandedUnit(Guid UnitId, string Via);

/// <param name="Units">The units the name stands for; none means the name must be assigned by hand (待分派).</param>
/// <param name="Gaps">Members of the class without a unit to task: a county with no government registered, a chain without a lead department.</param>
public sealed record Expansion(IReadOnlyList<ExpandedUnit> Units, IReadOnlyList<string> Gaps)
{
    public static readonly Expansion None = new([], []);
}

/// <summary>
/// A catch-all name in a responsibility clause stands for a class of units; it expands to every member, never vanishes.
/// 各县（区） / 各县（市、区）人民政府 → each county's government; 各产业链牵头部门 / 配合部门 → each chain's lead / cooperating
/// department (攀枝花 一、二、三、十; 黔江 1、2); 各乡镇（街道） → each township (黔江 6、24); 主要承载地政府 / 协同发展地 → the
/// government of each place set as a chain's host / collaborating place (达州 （七）; a chain with none set is a gap).
/// 区级相关部门, 各行业主管部门 and any name matching nothing expand to no unit: the office assigns them (待分派).
/// </summary>
public static class CatchAllExpansion
{
    public static Expansion Expand(CatchAllKind? kind, IReadOnlyList<CountyUnits> counties, IReadOnlyList<ChainUnits> chains, IReadOnlyList<Guid> townships,
        IReadOnlyList<ChainPlaces>? places = null) =>
        kind switch
        {
            CatchAllKind.AllChainHostGovernments => Places(places ?? [], c => c.Hosts, "未设主要承载地 (no host place set)"),
            CatchAllKind.AllChainCollaboratingGovernments => Places(places ?? [], c => c.Collaborating, "未设协同发展地 (no collaborating place set)"),
            CatchAllKind.AllCounties => Counties(counties),
            CatchAllKind.AllChainLeadDepartments => Chains(chains, c => c.LeadUnitId is { } u ? [u] : [], "未设牵头部门 (no lead department)"),
            CatchAllKind.AllChainCooperatingDepartments => Chains(chains, c => c.CooperatingUnitIds, "未设配合部门 (no cooperating department)"),
            CatchAllKind.AllTownships => new(townships.Distinct().Select(t => new ExpandedUnit(t, "")).ToList(),
                townships.Count == 0 ? ["未登记乡镇（街道）单位 (no township unit registered)"] : []),
            _ => Expansion.None,
        };

    private static Expansion Counties(IReadOnlyList<CountyUnits> counties)
    {
        var units = new List<ExpandedUnit>();
        var gaps = new List<string>();
        foreach (var county in counties)
        {
            // Two units both claiming to be the county's government would be a guess: neither is tasked, the gap is named.
            if (county.GovernmentUnitIds.Count == 1) units.Add(new(county.GovernmentUnitIds[0], county.County));
            else gaps.Add(county.GovernmentUnitIds.Count == 0
                ? $"{county.County}：未登记人民政府单位 (no government unit registered)"
                : $"{county.County}：登记了多个人民政府单位 (several government units registered)");
        }
        if (counties.Count == 0) gaps.Add("未登记下辖县（市、区） (no county registered under the place)");
        return new(units, gaps);
    }

    /// <summary>
    /// Each place set for a chain in the role gives its government one task, naming the chains it serves in that role
    /// (a county hosting two chains is tasked once). A place with no government unit, or two, is a gap, as with counties.
    /// </summary>
    private static Expansion Places(IReadOnlyList<ChainPlaces> chains, Func<ChainPlaces, IReadOnlyList<PlaceUnits>> placesOf, string missing)
    {
        var via = new Dictionary<Guid, List<string>>();
        var gaps = new List<string>();
        foreach (var chain in chains)
        {
            var places = placesOf(chain);
            if (places.Count == 0) gaps.Add($"{chain.Chain}：{missing}");
            foreach (var place in places)
            {
                if (place.GovernmentUnitIds.Count != 1)
                {
                    gaps.Add(place.GovernmentUnitIds.Count == 0
                        ? $"{chain.Chain}：{place.Place}未登记人民政府单位 (no government unit registered)"
                        : $"{chain.Chain}：{place.Place}登记了多个人民政府单位 (several government units registered)");
                    continue;
                }
                var unit = place.GovernmentUnitIds[0];
                if (!via.TryGetValue(unit, out var names)) via[unit] = names = [];
                if (!names.Contains(chain.Chain)) names.Add(chain.Chain);
            }
        }
        if (chains.Count == 0) gaps.Add("未登记产业链 (no chain registered)");
        return new(via.Select(v => new ExpandedUnit(v.Key, string.Join("、", v.Value))).ToList(), gaps);
    }

    private static Expansion Chains(IReadOnlyList<ChainUnits> chains, Func<ChainUnits, IReadOnlyList<Guid>> unitsOf, string missing)
    {
        var via = new Dictionary<Guid, List<string>>();
        var gaps = new List<string>();
        foreach (var chain in chains)
        {
            var units = unitsOf(chain);
            if (units.Count == 0) gaps.Add($"{chain.Chain}：{missing}");
            foreach (var unit in units.Distinct())
            {
                if (!via.TryGetValue(unit, out var names)) via[unit] = names = [];
                names.Add(chain.Chain);
            }
        }
        if (chains.Count == 0) gaps.Add("未登记产业链 (no chain registered)");
        // A unit that leads several chains gets one task, naming them all.
        return new(via.Select(v => new ExpandedUnit(v.Key, string.Join("、", v.Value))).ToList(), gaps);
    }
}
