namespace Qianglian.Core.Policies;

/// <summary>A registered unit as the matcher sees it.</summary>
/// <param name="Place">The name of the place the unit answers for (<see cref="PlaceUnit"/>), if it does: a document may
/// name the place for it (安康 一 "含安康高新区").</param>
public sealed record KnownUnit(string Key, string Name, string JurisdictionCode, IReadOnlyList<string> Aliases, string? Place = null);

public enum UnitMatchKind { Exact, Alias, Abbreviation, Place, CatchAll, Unknown }

/// <summary>Names that stand for a whole class of units rather than one.</summary>
public enum CatchAllKind
{
    /// <summary>各县（区）, 各县（市、区）政府, 各县（市、区）人民政府.</summary>
    AllCounties,
    /// <summary>各产业链牵头部门.</summary>
    AllChainLeadDepartments,
    /// <summary>各产业链配合部门.</summary>
    AllChainCooperatingDepartments,
    /// <summary>区级相关部门, 市级有关部门, 各行业主管部门.</summary>
    AllRelevantDepartments,
    /// <summary>各乡镇街道, 各乡镇（街道）.</summary>
    AllTownships,
    /// <summary>主要承载地政府 (达州 （七）): the governments of the places each chain is mainly built in.</summary>
    AllChainHostGovernments,
    /// <summary>协同发展地 (达州 （七）): the governments of the places that support each chain.</summary>
    AllChainCollaboratingGovernments,
}

public sealed record UnitMatch(string RawName, UnitMatchKind Kind, KnownUnit? Unit, CatchAllKind? CatchAll);

/// <summary>
/// Matches unit names as documents write them to registered units: exact name, declared alias, the abbreviation
/// rule (<see cref="UnitNames"/>), the name of the place a unit answers for, then the catch-alls. Anything else is Unknown — reported by the caller, never
/// dropped, and never guessed when two units would match.
/// </summary>
public sealed class UnitNameMatcher
{
    private readonly Dictionary<string, KnownUnit?> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownUnit?> byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownUnit?> byCanonical = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownUnit?> byPlace = new(StringComparer.Ordinal);

    public UnitNameMatcher(IEnumerable<KnownUnit> units)
    {
        foreach (var unit in units)
        {
            Add(byName, unit.Name, unit);
            foreach (var alias in unit.Aliases) Add(byAlias, alias, unit);
            Add(byCanonical, UnitNames.Canonical(unit.Name), unit);
            foreach (var alias in unit.Aliases) Add(byCanonical, UnitNames.Canonical(alias), unit);
            if (unit.Place is { Length: > 0 } place) Add(byPlace, place, unit);
        }
    }

    /// <summary>A key claimed by two different units is ambiguous: it is kept with a null unit so it never matches.</summary>
    private static void Add(Dictionary<string, KnownUnit?> index, string key, KnownUnit unit)
    {
        if (index.TryGetValue(key, out var existing) && existing?.Key != unit.Key) index[key] = null;
        else index[key] = unit;
    }

    public UnitMatch Match(string rawName)
    {
        var name = rawName.Trim();
        if (byName.TryGetValue(name, out var exact))
            return exact is null ? Unknown(rawName) : new UnitMatch(rawName, UnitMatchKind.Exact, exact, null);
        if (byAlias.TryGetValue(name, out var alias))
            return alias is null ? Unknown(rawName) : new UnitMatch(rawName, UnitMatchKind.Alias, alias, null);
        if (byCanonical.TryGetValue(UnitNames.Canonical(name), out var abbreviated))
            return abbreviated is null ? Unknown(rawName) : new UnitMatch(rawName, UnitMatchKind.Abbreviation, abbreviated, null);
        if (byPlace.TryGetValue(name, out var place))
            return place is null ? Unknown(rawName) : new UnitMatch(rawName, UnitMatchKind.Place, place, null);
        return CatchAllOf(name) is { } all ? new UnitMatch(rawName, UnitMatchKind.CatchAll, null, all) : Unknown(rawName);
    }

    private static UnitMatch Unknown(string rawName) => new(rawName, UnitMatchKind.Unknown, null, null);

    public static CatchAllKind? CatchAllOf(string name)
    {
        // 达州 （七） names the places of every chain by their role, not with 各: 主要承载地政府, 协同发展地.
        if (name.Contains("承载地")) return CatchAllKind.AllChainHostGovernments;
        if (name.Contains("协同发展地")) return CatchAllKind.AllChainCollaboratingGovernments;
        var isClass = name.StartsWith('各') || name.Contains("相关部门") || name.Contains("有关部门");
        if (!isClass) return null;
        if (name.Contains("牵头部门")) return CatchAllKind.AllChainLeadDepartments;
        if (name.Contains("配合部门")) return CatchAllKind.AllChainCooperatingDepartments;
        if (name.Contains("乡镇") || name.Contains("街道")) return CatchAllKind.AllTownships;
        if (name.Contains('县')) return CatchAllKind.AllCounties;
        if (name.Contains("部门")) return CatchAllKind.AllRelevantDepartments;
        return null;
    }
}
