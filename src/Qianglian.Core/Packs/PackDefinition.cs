namespace Qianglian.Core.Packs;

/// <summary>
/// A policy pack: what one policy document defines, as data — its jurisdiction (and the tree nodes it needs), its
/// ecosystems and chains (declared counts next to the names the document gives), working kit, units and targets.
/// </summary>
public sealed record PackDefinition(
    string Code,
    int Version,
    string Name,
    string Jurisdiction,
    IReadOnlyList<PackJurisdiction> Jurisdictions,
    PackDocument Document,
    string? CoordinationOffice,
    PackNames Ecosystems,
    PackChains Chains,
    PackWorkingKit? WorkingKit,
    IReadOnlyList<PackUnit> Units,
    IReadOnlyList<PackTarget> Targets);

/// <param name="Level">province, city, county or park.</param>
public sealed record PackJurisdiction(string Code, string Name, string Level, string? Parent);

public sealed record PackDocument(string File, string? Title, string? Issuer, string? Status, DateOnly? IssuedOn, DateOnly? ValidUntil, string? Validity);

/// <summary>A count the document declares and the names it actually gives ("declared 9, named 0").</summary>
public sealed record PackNames(int? Declared, IReadOnlyList<string> Named, string? Source);

public sealed record PackChain(string Name, string? Ecosystem);

public sealed record PackChains(int? Declared, IReadOnlyList<PackChain> Named, string? Source);

/// <summary>五个一 / 六个一 / 八个一: the declared number of items and those the document names.</summary>
public sealed record PackWorkingKit(string Name, int Declared, IReadOnlyList<string> Items, string? Source);

/// <param name="Kind">government, countyGovernment (a county's or district's 人民政府), party, parkCommittee, township (乡镇、街道) or other.</param>
public sealed record PackUnit(string Key, string Name, string Jurisdiction, string Kind, IReadOnlyList<string> Aliases);

/// <param name="Comparison">&gt;=, &gt;, &lt;=, &lt; or between (with <paramref name="ValueMax"/>).</param>
/// <param name="Scope">jurisdiction, chain (with <paramref name="ScopeRef"/>), perChain, perCounty, perEcosystem, perProject, perChainLeader.</param>
public sealed record PackTarget(
    string Key, string Name, string Metric, int? Year, bool Yearly, int? FromYear, string Comparison,
    decimal Value, decimal? ValueMax, string Unit, string Scope, string? ScopeRef, string Source);

/// <summary>One problem in a pack: the pack, the field path (e.g. <c>units[3].jurisdiction</c>) and what is wrong.</summary>
public sealed record PackError(string Pack, string Field, string Message)
{
    public override string ToString() => $"{Pack}: {Field}: {Message}";
}
