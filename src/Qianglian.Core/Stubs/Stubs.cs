// TEMPORARY: replaced by the real parser, matcher and code rule before the first commit.
namespace Qianglian.Core.Policies
{
    public enum ResponsibilityForm { LeadBeforeComma, ExplicitLeadAndCooperating, SharedByDivision, AllResponsible, None }
    public sealed record Responsibility(IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating, ResponsibilityForm Form, string RawText);
    public sealed record ParsedMeasure(string Number, int Ordinal, string? Group, string Title, string Body, Responsibility Responsibility, int Line);
    public sealed record ChecklistItem(int Number, string Name);
    public sealed record ParsedDocument(string Title, IReadOnlyList<ParsedMeasure> Measures, IReadOnlyList<ChecklistItem> Checklist);
    public static class PolicyDocumentParser { public static ParsedDocument Parse(string text) => throw new PolicyParseException(1, "stub"); }
    public sealed class PolicyParseException(int line, string m) : Exception(m) { public int Line { get; } = line; }
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
