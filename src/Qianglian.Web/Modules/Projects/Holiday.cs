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

/// <summary>
/// The holiday arrangement of a year is entered at a jurisdiction: the State Council's notice (国务院办公厅关于X年部分节假日
/// 安排的通知) that sets it. A year counts as having a calendar at a place when a notice for it is kept at the place or
/// above it; in a year without one, working days are counted on weekends alone and every figure says so. The notices of
/// packs/national/holidays/ are loaded at start-up into the nation (<see cref="DataVersion"/> &gt; 0); an office enters
/// a later year's notice on the holidays page (<see cref="DataVersion"/> 0).
/// </summary>
public sealed class HolidayNotice : ScopedEntity, IInheritedConfiguration
{
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>国办发明电〔2025〕7号.</summary>
    public string? DocumentNumber { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>Where the text was taken from.</summary>
    public string? Source { get; set; }
    /// <summary>The version of the shipped file it was loaded from; 0 when an office entered it.</summary>
    public int DataVersion { get; set; }
    public string? ContentHash { get; set; }
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
