namespace Qianglian.Web.Modules.Incentives;

// The shape of packs/<code>/incentives.yaml as YamlDotNet reads it (camelCase keys; unknown keys are errors).
// Amounts are written in 万元 as the documents do (…Wan); the loader stores yuan. See docs/packs.md.

internal sealed class IncentivesYaml
{
    public int Version { get; set; }
    public List<IncentiveUnitYaml> Units { get; set; } = [];
    public StackingYaml? Stacking { get; set; }
    public List<WorkflowYaml> Workflows { get; set; } = [];
    public List<MeasureYaml> Measures { get; set; } = [];
}

internal sealed class IncentiveUnitYaml
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Jurisdiction { get; set; } = "";
    public string Kind { get; set; } = "government";
    public List<string> Aliases { get; set; } = [];
}

internal sealed class StackingYaml
{
    public string Clause { get; set; } = "";
    public string? Source { get; set; }
}

internal sealed class WorkflowYaml : Policies.Packs.LabelledYaml
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Source { get; set; }
    /// <summary>Stage deadlines count working days on the holiday calendar (a stage may say otherwise).</summary>
    public bool WorkingDays { get; set; }
    public List<StageYaml> Stages { get; set; } = [];
}

internal sealed class StageYaml
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public ActorYaml Actor { get; set; } = new();
    public List<string> Opinions { get; set; } = [];
    public int DeadlineDays { get; set; }
    /// <summary>null: the workflow's <see cref="WorkflowYaml.WorkingDays"/>.</summary>
    public bool? WorkingDays { get; set; }
}

internal sealed class ActorYaml
{
    public List<string> Roles { get; set; } = [];
    public string? Unit { get; set; }
    public bool ChainChief { get; set; }
}

internal sealed class MeasureYaml : Policies.Packs.LabelledYaml
{
    public string Key { get; set; } = "";
    /// <summary>The measure's number in the pack's document (六, 8, （四）).</summary>
    public string Measure { get; set; } = "";
    public string? Title { get; set; }
    public string Clause { get; set; } = "";
    public string SupportType { get; set; } = "";
    public string? Group { get; set; }
    /// <summary>Why the measures of <see cref="Group"/> are one group when the document does not say so.</summary>
    public Policies.Packs.PackLabel? GroupLabel { get; set; }
    public string Subject { get; set; } = "Project";
    /// <summary>An enterprise may claim each purchase on its own (<see cref="IncentiveMeasure.PerPurchase"/>).</summary>
    public bool PerPurchase { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string? Workflow { get; set; }
    public string? Fund { get; set; }
    /// <summary>Use the document's attachment (附件：申报资料清单) as the checklist.</summary>
    public bool DocumentChecklist { get; set; }
    public List<ChecklistYaml> Checklist { get; set; } = [];
    /// <summary>A checklist the document does not prescribe is the platform's default (安康).</summary>
    public Policies.Packs.PackLabel? ChecklistLabel { get; set; }
    /// <summary>Checklist item number → the documents any one of which satisfies it.</summary>
    public Dictionary<int, List<string>> Alternatives { get; set; } = [];
    /// <summary>Checklist item numbers that are not required.</summary>
    public List<int> Optional { get; set; } = [];
    public RuleYaml Rule { get; set; } = new();
}

internal sealed class ChecklistYaml
{
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public bool Required { get; set; } = true;
}

internal sealed class RuleYaml
{
    public string Kind { get; set; } = "";
    public string? Base { get; set; }
    public decimal? Rate { get; set; }
    public decimal? CapWan { get; set; }
    public decimal? AmountWan { get; set; }
    public List<CategoryYaml> Categories { get; set; } = [];
    public List<ConditionYaml> Conditions { get; set; } = [];
}

internal sealed class CategoryYaml
{
    public string Name { get; set; } = "";
    public decimal Rate { get; set; }
}

internal sealed class ConditionYaml
{
    public string Kind { get; set; } = "";
    public List<string> Flags { get; set; } = [];
    public string? Figure { get; set; }
    public decimal? MinimumWan { get; set; }
    public string? Honour { get; set; }
    public string? HonourLevel { get; set; }
    public string? Text { get; set; }
}
