// TEMPORARY: replaced by the real matcher and code rule.
namespace Qianglian.Core.Policies
{
    public sealed record KnownUnit(string Key, string Name, string JurisdictionCode, IReadOnlyList<string> Aliases);
    public enum UnitMatchKind { Exact, Alias, Abbreviation, CatchAll, Unknown }
    public enum CatchAllKind { AllCounties }
    public sealed record UnitMatch(string RawName, UnitMatchKind Kind, KnownUnit? Unit, CatchAllKind? CatchAll);
    public sealed class UnitNameMatcher(IEnumerable<KnownUnit> units) { public UnitMatch Match(string raw) => new(raw, UnitMatchKind.Unknown, units.FirstOrDefault(u => u.Name == raw), null); }
}
namespace Qianglian.Core.Jurisdictions
{
    public sealed record AdministrativeCodeCheck(bool IsValid, string? Error);
    public static class AdministrativeCode
    {
        public static AdministrativeCodeCheck CheckParent(string c, string p) => new(true, null);
        public static AdministrativeCodeCheck CheckPark(string c, string p) => new(true, null);
    }
}
