namespace Qianglian.Core.Policies;

/// <summary>How a responsibility clause marks its units.</summary>
public enum ResponsibilityForm
{
    /// <summary>〔责任单位：A、B，C、D〕 under "（逗号前为牵头单位，下同）": before the comma lead, after it cooperate; a list without
    /// a comma names every unit as lead.</summary>
    LeadBeforeComma,
    /// <summary>（牵头单位：A，配合单位：B）, （牵头单位：A，责任单位：B） or 〔A牵头，B配合〕.</summary>
    ExplicitLeadAndCooperating,
    /// <summary>The measure's text names a unit of its clause as "X牵头" (西区 十): it leads, the clause's other units cooperate.</summary>
    LeadNamedInText,
    /// <summary>〔A、B按职责分工负责〕: all share the task; all are listed as lead.</summary>
    SharedByDivision,
    /// <summary>（责任单位：A、B、C） without a lead marked: all are listed as lead.</summary>
    AllResponsible,
    /// <summary>
    /// No clause, but the prose opens a sentence with a unit that acts "会同" other units (达州 （七） 市经济和信息化局……会同市统计局):
    /// the subject leads, the units after 会同 cooperate.
    /// </summary>
    NamedInProse,
    /// <summary>The measure has no responsibility clause and its prose names no unit acting with others.</summary>
    None,
}

public sealed record Responsibility(IReadOnlyList<string> Lead, IReadOnlyList<string> Cooperating, ResponsibilityForm Form, string RawText)
{
    public static readonly Responsibility Empty = new([], [], ResponsibilityForm.None, "");
}

/// <param name="Number">The number as written: 六, 8, （一）, 12.</param>
/// <param name="Group">The heading the measure is grouped under (黔江's 工程), if any.</param>
/// <param name="Line">1-based line of the measure's heading in the source text.</param>
public sealed record ParsedMeasure(string Number, int Ordinal, string? Group, string Title, string Body, Responsibility Responsibility, int Line);

/// <summary>An item of an application checklist (申报资料清单) attached to a document.</summary>
public sealed record ChecklistItem(int Number, string Name);

public sealed record ParsedDocument(string Title, IReadOnlyList<ParsedMeasure> Measures, IReadOnlyList<ChecklistItem> Checklist);

/// <summary>The text is not a policy document Qianglian can read; the message names the line.</summary>
public sealed class PolicyParseException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
