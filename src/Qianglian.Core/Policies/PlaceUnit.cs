namespace Qianglian.Core.Policies;

/// <summary>The kind of place a unit belongs to, as the responsibility rules need it.</summary>
public enum PlaceKind { Other, County, Park }

/// <summary>
/// Which unit answers for its place when a document names the place rather than a unit: a park's committee (安康 一
/// "含安康高新区" — the park 安康高新区, i.e. its 管委会) and a county's people's government (攀枝花 "各县（区）", 达州
/// "各县（市、区）人民政府" — one task per county government).
/// </summary>
public static class PlaceUnit
{
    /// <param name="isParkCommittee">The unit is registered as a park committee (园区管委会).</param>
    /// <param name="isCountyGovernment">The unit is registered as a county's people's government (packs: countyGovernment).</param>
    /// <param name="isGovernment">The unit is registered as a government body (not a party or other unit).</param>
    public static bool AnswersFor(PlaceKind place, bool isParkCommittee, bool isCountyGovernment, bool isGovernment, string unitName) => place switch
    {
        PlaceKind.Park => isParkCommittee,
        // A county's bureaus are government units too (东区经济和信息化局): only its 人民政府 answers for the county — a unit
        // registered as such, or a government unit registered before that kind existed whose name says so.
        PlaceKind.County => isCountyGovernment || isGovernment && unitName.EndsWith("政府", StringComparison.Ordinal),
        _ => false,
    };
}
