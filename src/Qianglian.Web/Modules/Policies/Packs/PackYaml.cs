namespace Qianglian.Web.Modules.Policies.Packs;

// The shape of packs/<code>/pack.yaml, as YamlDotNet reads it (camelCase keys; unknown keys are errors).
// See docs/packs.md for an annotated example. Mapped to Qianglian.Core.Packs records by PackReader.

internal sealed class PackYaml
{
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public List<JurisdictionYaml> Jurisdictions { get; set; } = [];
    public DocumentYaml Document { get; set; } = new();
    public string? CoordinationOffice { get; set; }
    public NamesYaml Ecosystems { get; set; } = new();
    public ChainsYaml Chains { get; set; } = new();
    public WorkingKitYaml? WorkingKit { get; set; }
    public List<UnitYaml> Units { get; set; } = [];
    public List<TargetYaml> Targets { get; set; } = [];
}

internal sealed class JurisdictionYaml
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public string? Parent { get; set; }
}

internal sealed class DocumentYaml
{
    public string File { get; set; } = "";
    public string? Title { get; set; }
    public string? Issuer { get; set; }
    public string? Status { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Validity { get; set; }
}

internal sealed class NamesYaml
{
    public int? Declared { get; set; }
    public List<string> Named { get; set; } = [];
    public string? Source { get; set; }
}

internal sealed class ChainsYaml : LabelledYaml
{
    public int? Declared { get; set; }
    public List<ChainYaml> Named { get; set; } = [];
    public string? Source { get; set; }
}

internal sealed class ChainYaml
{
    public string Name { get; set; } = "";
    public string? Ecosystem { get; set; }
}

internal sealed class WorkingKitYaml : LabelledYaml
{
    public string Name { get; set; } = "";
    public int Declared { get; set; }
    public List<string> Items { get; set; } = [];
    public string? Source { get; set; }
}

internal sealed class UnitYaml
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string Kind { get; set; } = "government";
    public List<string> Aliases { get; set; } = [];
}

internal sealed class TargetYaml : LabelledYaml
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Metric { get; set; } = "";
    public int? Year { get; set; }
    public bool Yearly { get; set; }
    public int? FromYear { get; set; }
    public string Comparison { get; set; } = ">=";
    public decimal Value { get; set; }
    public decimal? ValueMax { get; set; }
    public string Unit { get; set; } = "";
    public string Scope { get; set; } = "jurisdiction";
    public string? ScopeRef { get; set; }
    public string Source { get; set; } = "";
}
