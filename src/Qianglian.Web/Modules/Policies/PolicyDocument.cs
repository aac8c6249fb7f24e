using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Policies;

/// <summary>A policy document imported as text, with the measures extracted from it.</summary>
public sealed class PolicyDocument : ScopedEntity
{
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    /// <summary>e.g. 征求意见稿, 试行, 正式.</summary>
    public string? Status { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The validity clause as the document words it (自印发之日起施行，有效期至…).</summary>
    public string? Validity { get; set; }
    /// <summary>The pack that brought it, if any.</summary>
    public string? PackCode { get; set; }
    public string SourceText { get; set; } = "";
    /// <summary>SHA-256 of the source text: re-importing the same text is a no-op.</summary>
    public string ContentHash { get; set; } = "";
    public DateTimeOffset ImportedAt { get; set; }

    public List<Measure> Measures { get; set; } = [];
    public List<ChecklistItem> Checklist { get; set; } = [];
}

/// <summary>One measure (措施 / 工作重点 / 任务) of a document, with its responsibility clause as written.</summary>
public sealed class Measure : ScopedEntity
{
    public Guid DocumentId { get; set; }
    /// <summary>The number as written: 六, 8, （一）, 12.</summary>
    public string Number { get; set; } = "";
    public int Ordinal { get; set; }
    /// <summary>The heading a measure is grouped under (黔江's 8 工程), if any.</summary>
    public string? Group { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public int Line { get; set; }
    public string ResponsibilityForm { get; set; } = "";
    public string ResponsibilityText { get; set; } = "";

    public List<MeasureUnit> Units { get; set; } = [];
}

public enum MeasureRole { Lead = 1, Cooperating = 2 }

/// <summary>A unit named in a measure's responsibility clause: lead (牵头) or cooperating (配合).</summary>
public sealed class MeasureUnit : ScopedEntity
{
    public Guid MeasureId { get; set; }
    public MeasureRole Role { get; set; }
    public int Position { get; set; }
    /// <summary>The name exactly as the document writes it.</summary>
    public string RawName { get; set; } = "";
    /// <summary>The matched unit; null for catch-alls (各县（区）…) and unknown names.</summary>
    public Guid? UnitId { get; set; }
    /// <summary>Exact, Alias, Abbreviation, CatchAll or Unknown.</summary>
    public string MatchKind { get; set; } = "";
    public string? CatchAll { get; set; }
}

/// <summary>One item of a document's application checklist (申报资料清单).</summary>
public sealed class ChecklistItem : ScopedEntity
{
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
}
