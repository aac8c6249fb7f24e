namespace Qianglian.Web.Modules.Jurisdictions;

/// <summary>How a jurisdiction is shown and returned by the API.</summary>
public sealed record JurisdictionView(Guid Id, string Code, string Name, JurisdictionLevel Level, Guid? ParentId, string Path, int Version)
{
    public static JurisdictionView Of(Jurisdiction j) => new(j.Id, j.Code, j.Name, j.Level, j.ParentId, j.JurisdictionPath, j.Version);
}

/// <summary>How a government unit is shown and returned by the API.</summary>
public sealed record UnitView(Guid Id, string Key, string Name, UnitKind Kind, IReadOnlyList<string> Aliases, Guid JurisdictionId, string JurisdictionPath, int Version)
{
    public static UnitView Of(GovernmentUnit u) => new(u.Id, u.Key, u.Name, u.Kind, u.Aliases, u.JurisdictionId, u.JurisdictionPath, u.Version);
}
