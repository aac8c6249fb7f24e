namespace Qianglian.Core.Supervision;

/// <summary>
/// A jurisdiction's supervision numbers (packs/&lt;code&gt;/supervision.yaml): days per escalation level, the monthly
/// reporting calendar, the assessment weights and the matching weights. Rules are code; these are data.
/// </summary>
public sealed record SupervisionRules(EscalationDeadlines Deadlines, ReportingRules Reporting, AssessmentWeights Assessment, MatchWeights Matching)
{
    public static readonly SupervisionRules Default = new(EscalationDeadlines.Default, ReportingRules.Default, AssessmentWeights.Default, MatchWeights.Default);

    /// <summary>Every inconsistency, each with the field at fault (prefixed by its section).</summary>
    public IReadOnlyList<(string Field, string Message)> Problems() =>
    [
        .. Deadlines.Problems().Select(p => ("deadlines." + p.Field, p.Message)),
        .. Reporting.Problems().Select(p => ("reporting." + p.Field, p.Message)),
        .. Assessment.Problems(),
        .. Matching.Problems(),
    ];
}
