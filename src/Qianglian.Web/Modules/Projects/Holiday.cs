using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Projects;

/// <summary>
/// A day of the official calendar that differs from the weekday rule: a public holiday (休) or a weekend working
/// day (班, 调休). Kept by an administrator for their jurisdiction; a project's calendar is the union of its
/// jurisdiction's and its ancestors' entries.
/// </summary>
public sealed class HolidayEntry : ScopedEntity, IInheritedConfiguration
{
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A jurisdiction's project rules from its pack (packs/&lt;code&gt;/projects.yaml); nearest ancestor wins.</summary>
public sealed class ProjectRules : ScopedEntity, IInheritedConfiguration
{
    public string PackCode { get; set; } = "";
    public int RulesVersion { get; set; }
    public string ContentHash { get; set; } = "";
    public int ApprovalWorkingDayLimit { get; set; }
    public string? ApprovalLimitSource { get; set; }
    public int SignedNotStartedYellow { get; set; }
    public int SignedNotStartedRed { get; set; }
    public int StartedNotCompletedYellow { get; set; }
    public int StartedNotCompletedRed { get; set; }
    public int CompletedNotProducingYellow { get; set; }
    public int CompletedNotProducingRed { get; set; }
    public int ReportDueDay { get; set; }
    public decimal LaggardMarginPoints { get; set; }
}
