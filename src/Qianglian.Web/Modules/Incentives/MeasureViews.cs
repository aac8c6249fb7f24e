using Qianglian.Core.Incentives;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Modules.Incentives;

/// <param name="DefaultBasis">When the pack labels the measure's numbers a platform default, its basis (null: the text gives them).</param>
/// <param name="ChecklistDefaultBasis">When no document prescribes the checklist (安康), the basis of the platform's one.</param>
/// <param name="GroupDefaultBasis">When the exclusivity group is the platform's reading, not the text's (西区 六/七).</param>
public sealed record IncentiveMeasureView(
    Guid Id, string Key, string Title, Guid JurisdictionId, string JurisdictionPath, Guid? MeasureId, string? DocumentTitle,
    string Clause, string SupportType, string? ExclusivityGroup, string Group, IncentiveSubject Subject, DateOnly? ValidFrom,
    DateOnly? ValidUntil, IncentiveRule Rule, string Summary, bool AmountToBeSet, IReadOnlyList<ChecklistEntry> Checklist,
    Guid? WorkflowId, string? Fund, bool Active, string? PackCode, int Version,
    string? DefaultBasis, string? ChecklistDefaultBasis, string? GroupDefaultBasis, bool PerPurchase)
{
    /// <summary>A measure with the labels its pack gives it; a measure configured on screen has no pack (PackCode null) and so none.</summary>
    public static IncentiveMeasureView Of(IncentiveMeasure m, PlatformDefaults defaults)
    {
        var rule = m.Rule;
        string? Label(string path) => defaults.BasisOf(m.PackCode, IncentivePackLoader.FileName, path);
        return new(m.Id, m.Key, m.Title, m.JurisdictionId, m.JurisdictionPath, m.MeasureId, m.DocumentTitle, m.Clause, m.SupportType,
            m.ExclusivityGroup, m.Group, m.Subject, m.ValidFrom, m.ValidUntil, rule, RuleSummary.Describe(rule), rule.AmountToBeSet, m.Checklist,
            m.WorkflowId, m.Fund, m.Active, m.PackCode, m.Version,
            Label($"measures[{m.Key}]"), ChecklistLabel(m, defaults), Label($"measures[{m.Key}].groupLabel"), m.PerPurchase);
    }

    /// <summary>The basis of the measure's checklist when no document prescribes it (安康), null when one does.</summary>
    public static string? ChecklistLabel(IncentiveMeasure m, PlatformDefaults defaults) =>
        defaults.BasisOf(m.PackCode, IncentivePackLoader.FileName, $"measures[{m.Key}].checklistLabel");
}

/// <param name="DefaultBasis">When the stage deadlines are the platform's (西区 十 and 安康 set none), their basis.</param>
public sealed record WorkflowView(Guid Id, string Key, string Name, string? Source, IReadOnlyList<StageDefinition> Stages,
    Guid JurisdictionId, string JurisdictionPath, string? PackCode, int Version, string? DefaultBasis)
{
    public static WorkflowView Of(IncentiveWorkflow w, PlatformDefaults defaults) =>
        new(w.Id, w.Key, w.Name, w.Source, w.Definition.Stages, w.JurisdictionId, w.JurisdictionPath, w.PackCode, w.Version,
            defaults.BasisOf(w.PackCode, IncentivePackLoader.FileName, $"workflows[{w.Key}]"));
}
