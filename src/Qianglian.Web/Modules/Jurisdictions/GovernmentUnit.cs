using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>
/// What a unit is. <see cref="CountyGovernment"/> is a county's (district's, county-level city's) 人民政府 as a whole: the
/// unit a catch-all like "各县（区）" or "各县（市、区）人民政府" stands for, one per county, beside each park's committee.
/// <see cref="Township"/>: a 乡镇人民政府 or 街道办事处 (黔江 6、24 "各乡镇街道" task each of them).
/// </summary>
public enum UnitKind { Government = 1, Party = 2, ParkCommittee = 3, Other = 4, CountyGovernment = 5, Township = 6 }

/// <summary>The kinds as packs write them (<c>kind: countyGovernment</c>).</summary>
public static class UnitKinds
{
    public static UnitKind Parse(string kind) => kind switch
    {
        "party" => UnitKind.Party,
        "parkCommittee" => UnitKind.ParkCommittee,
        "countyGovernment" => UnitKind.CountyGovernment,
        "township" => UnitKind.Township,
        "other" => UnitKind.Other,
        _ => UnitKind.Government,
    };
}

/// <summary>A government unit (区经济和信息化局, 市发展改革委 …) of one jurisdiction, matched to names in documents.</summary>
public sealed class GovernmentUnit : ScopedEntity, IInheritedConfiguration
{
    /// <summary>Stable key from the policy pack (e.g. <c>xiqu.jxj</c>); units created in the UI get one too.</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; } = UnitKind.Government;

    /// <summary>Other names the documents use for this unit (abbreviations are also matched by rule).</summary>
    public List<string> Aliases { get; set; } = [];
}
