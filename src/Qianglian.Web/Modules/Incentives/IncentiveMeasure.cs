using Qianglian.Core.Incentives;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Incentives;

/// <summary>Whom a measure pays: a project (六, 七, 八 …) or an enterprise (安康 五's honours, 达州 （四）).</summary>
public enum IncentiveSubject { Project = 1, Enterprise = 2 }

/// <summary>One item of a measure's document checklist: required or not, and the documents that may stand for it.</summary>
/// <param name="Alternatives">Either of these satisfies the item (西区 item 3: the approvals, or the policy basis for exemption).</param>
public sealed record ChecklistEntry(int Number, string Name, bool Required, IReadOnlyList<string> Alternatives);

/// <summary>
/// A measure that pays (政策兑现): its rule as data, the clause it comes from, its validity window, exclusivity group,
/// fund, workflow and document checklist. Configured by a pack (packs/&lt;code&gt;/incentives.yaml) or in the UI/API.
/// </summary>
public sealed class IncentiveMeasure : ScopedEntity, IInheritedConfiguration
{
    /// <summary>Stable key, e.g. xiqu.6; unique in the jurisdiction.</summary>
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The document's measure the rule implements (its number and title), when imported.</summary>
    public Guid? MeasureId { get; set; }
    public Guid? DocumentId { get; set; }
    public string? DocumentTitle { get; set; }
    /// <summary>The words of the document that set the amount, shown in every explanation.</summary>
    public string Clause { get; set; } = "";
    /// <summary>The kind of support (设备投资补助, 贷款贴息 …): measures of one kind form one exclusivity group unless set.</summary>
    public string SupportType { get; set; } = "";
    public string? ExclusivityGroup { get; set; }
    public IncentiveSubject Subject { get; set; } = IncentiveSubject.Project;
    /// <summary>
    /// Each purchase is claimed on its own: an enterprise may hold several live applications of this measure at once.
    /// 安康 二 "对中小企业购置关键设备，按照不超过购置额的10%、最高给予500万元奖补" pays on a purchase and limits neither the
    /// purchases nor the applications of an enterprise. 取高不重复 still holds against the group's other measures.
    /// </summary>
    public bool PerPurchase { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public string RuleJson { get; set; } = "{}";
    public string ChecklistJson { get; set; } = "[]";
    public Guid? WorkflowId { get; set; }
    /// <summary>The budget fund it is paid from (a yearly <see cref="IncentiveBudget"/> of that fund).</summary>
    public string? Fund { get; set; }
    public int Ordinal { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>The pack that configured it (null: configured in the UI/API).</summary>
    public string? PackCode { get; set; }

    /// <summary>取高不重复: measures with the same group do not add up for one case.</summary>
    public string Group => string.IsNullOrWhiteSpace(ExclusivityGroup) ? SupportType : ExclusivityGroup;

    public IncentiveRule Rule
    {
        get => IncentiveJson.Read<IncentiveRule>(RuleJson);
        set => RuleJson = IncentiveJson.Write(value);
    }

    public IReadOnlyList<ChecklistEntry> Checklist
    {
        get => IncentiveJson.Read<List<ChecklistEntry>>(ChecklistJson);
        set => ChecklistJson = IncentiveJson.Write(value);
    }

    public MeasureTerms Terms => new(Title, Clause, ValidFrom, ValidUntil, Rule);
}

/// <summary>An approval sequence (西区 措施十 …) as data; applications of its measures run through it.</summary>
public sealed class IncentiveWorkflow : ScopedEntity, IInheritedConfiguration
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The clause it implements, e.g. 西区 十、优化审批流程.</summary>
    public string? Source { get; set; }
    public string StagesJson { get; set; } = "[]";
    public string? PackCode { get; set; }

    public WorkflowDefinition Definition
    {
        get => new(Key, Name, IncentiveJson.Read<List<StageDefinition>>(StagesJson));
        set => (Key, Name, StagesJson) = (value.Key, value.Name, IncentiveJson.Write(value.Stages));
    }
}

/// <summary>A yearly budget of a fund (区级工业发展专项资金 …): approvals commit against it, payments draw on it.</summary>
public sealed class IncentiveBudget : ScopedEntity, IInheritedConfiguration
{
    public int Year { get; set; }
    public string Fund { get; set; } = "";
    public decimal Amount { get; set; }
    public string? Note { get; set; }
}

/// <summary>Which version of a pack's incentives.yaml is loaded (same version and hash: loading is a no-op).</summary>
public sealed class IncentivePack : ScopedEntity, IInheritedConfiguration
{
    public string Code { get; set; } = "";
    public int PackVersion { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTimeOffset LoadedAt { get; set; }
    /// <summary>The stacking clause of the pack (攀枝花: 取高不重复), cited in explanations below it.</summary>
    public string? StackingClause { get; set; }
    public string? StackingSource { get; set; }
}
