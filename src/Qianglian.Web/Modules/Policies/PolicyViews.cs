namespace Qianglian.Web.Modules.Policies;

public sealed record DocumentSummary(Guid Id, string Title, string? Issuer, string? Status, DateOnly? ValidUntil, string? PackCode,
    Guid JurisdictionId, string JurisdictionPath, int MeasureCount, int UnknownUnitCount, int Version);

public sealed record MeasureUnitView(string RawName, Guid? UnitId, string? UnitName, string MatchKind, string? CatchAll);

public sealed record MeasureView(Guid Id, string Number, int Ordinal, string? Group, string Title, string Body, int Line,
    string ResponsibilityForm, string ResponsibilityText, IReadOnlyList<MeasureUnitView> Lead, IReadOnlyList<MeasureUnitView> Cooperating);

public sealed record ChecklistItemView(int Number, string Name);

public sealed record DocumentView(Guid Id, string Title, string? Issuer, string? Status, DateOnly? IssuedOn, DateOnly? ValidUntil,
    string? PackCode, Guid JurisdictionId, string JurisdictionPath, int Version,
    IReadOnlyList<MeasureView> Measures, IReadOnlyList<ChecklistItemView> Checklist);

/// <summary>Units × measures: each cell says whether the unit leads (牵头) or cooperates (配合) on the measure.</summary>
public sealed record ResponsibilityMatrix(IReadOnlyList<MatrixMeasure> Measures, IReadOnlyList<MatrixRow> Rows);
public sealed record MatrixMeasure(int Ordinal, string Number, string Title);
public sealed record MatrixRow(string Unit, string MatchKind, IReadOnlyList<MeasureRole?> Cells);

public sealed record PackView(Guid Id, string Code, string Name, int PackVersion, DateTimeOffset LoadedAt, Guid JurisdictionId, string JurisdictionPath,
    int? DeclaredEcosystemCount, int NamedEcosystemCount, int? DeclaredChainCount, int NamedChainCount,
    string? WorkingKitName, int? WorkingKitDeclaredCount, IReadOnlyList<string> WorkingKitItems, string? WorkingKitSource,
    IReadOnlyList<string> Ecosystems, IReadOnlyList<string> Chains, int TargetCount);
