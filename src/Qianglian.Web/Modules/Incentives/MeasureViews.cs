using Qianglian.Core.Incentives;

namespace Qianglian.Web.Modules.Incentives;

public sealed record IncentiveMeasureView(
    Guid Id, string Key, string Title, Guid JurisdictionId, string JurisdictionPath, Guid? MeasureId, string? DocumentTitle,
    string Clause, string SupportType, string? ExclusivityGroup, string Group, IncentiveSubject Subject, DateOnly? ValidFrom,
    DateOnly? ValidUntil, IncentiveRule Rule, string Summary, bool AmountToBeSet, IReadOnlyList<ChecklistEntry> Checklist,
    Guid? WorkflowId, string? Fund, bool Active, string? PackCode, int Version)
{
    public static IncentiveMeasureView Of(IncentiveMeasure m)
    {
        var rule = m.Rule;
        return new(m.Id, m.Key, m.Title, m.JurisdictionId, m.JurisdictionPath, m.MeasureId, m.DocumentTitle, m.Clause, m.SupportType,
            m.ExclusivityGroup, m.Group, m.Subject, m.ValidFrom, m.ValidUntil, rule, RuleSummary.Describe(rule), rule.AmountToBeSet, m.Checklist,
            m.WorkflowId, m.Fund, m.Active, m.PackCode, m.Version);
    }
}

public sealed record WorkflowView(Guid Id, string Key, string Name, string? Source, IReadOnlyList<StageDefinition> Stages,
    Guid JurisdictionId, string JurisdictionPath, string? PackCode, int Version)
{
    public static WorkflowView Of(IncentiveWorkflow w) =>
        new(w.Id, w.Key, w.Name, w.Source, w.Definition.Stages, w.JurisdictionId, w.JurisdictionPath, w.PackCode, w.Version);
}
