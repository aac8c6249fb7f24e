using Qianglian.Core.Supervision;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// A jurisdiction's supervision numbers, loaded from <c>packs/&lt;code&gt;/supervision.yaml</c>: days per escalation
/// level, the first unit for each problem category, the reporting calendar and the assessment and matching weights.
/// A jurisdiction without its own settings uses its nearest ancestor's (none: the platform defaults).
/// </summary>
public sealed class SupervisionSettings : ScopedEntity, IInheritedConfiguration
{
    public string PackCode { get; set; } = "";
    public int SettingsVersion { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTimeOffset LoadedAt { get; set; }

    public int LocalDays { get; set; }
    public int LeadDepartmentDays { get; set; }
    public int ChainChiefDays { get; set; }
    public int JointMeetingDays { get; set; }
    public int ProblemReminderDays { get; set; }
    /// <summary>The first unit of each category, by category name (Land, Power …).</summary>
    public Dictionary<string, Guid> LocalUnitIds { get; set; } = [];
    /// <summary>联席会议: the coordination office's unit, the top of the ladder (and the first unit when no other is known).</summary>
    public Guid? JointMeetingUnitId { get; set; }
    /// <summary>A problem starts at the enterprise's county government (达州 （三） 县级层面), not at a unit per category.</summary>
    public bool StartsAtCounty { get; set; }
    /// <summary>The rungs above the county the text gives the ladder (<c>escalation.rungs</c>; all four unless it says otherwise).</summary>
    public bool HasLeadDepartmentRung { get; set; } = true;
    public bool HasChainChiefRung { get; set; } = true;
    public bool HasJointMeetingRung { get; set; } = true;

    public int ReportDueDay { get; set; }
    public int ReportReminderDays { get; set; }
    public int WeightReporting { get; set; }
    public int WeightCompletion { get; set; }
    public int WeightRating { get; set; }
    public int MatchNode { get; set; }
    public int MatchProduct { get; set; }
    public int MatchLocality { get; set; }
    public int MatchScale { get; set; }

    public LadderRungs Rungs => new(HasLeadDepartmentRung, HasChainChiefRung, HasJointMeetingRung);

    public SupervisionRules Rules => new(
        new EscalationDeadlines(LocalDays, LeadDepartmentDays, ChainChiefDays, JointMeetingDays),
        new ReportingRules(ReportDueDay, ReportReminderDays),
        new AssessmentWeights(WeightReporting, WeightCompletion, WeightRating),
        new MatchWeights(MatchNode, MatchProduct, MatchLocality, MatchScale));
}
