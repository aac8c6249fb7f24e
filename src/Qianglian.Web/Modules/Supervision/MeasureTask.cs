using Qianglian.Core.Supervision;
using Qianglian.Web.Data;
using Qianglian.Web.Modules.Policies;

namespace Qianglian.Web.Modules.Supervision;

/// <summary><see cref="Unassigned"/> (待分派): the clause names no unit the platform can task (区级相关部门, 各行业主管部门, a name
/// matching no unit, a catch-all whose class has no registered unit) until the office assigns named units.</summary>
public enum MeasureTaskStatus { InProgress = 0, Completed = 1, Unassigned = 2 }

/// <summary>
/// A measure's task for one responsible unit (lead or cooperating, from the parsed responsibility clause), with the
/// due date and milestones the coordination office sets. Scoped to the unit's jurisdiction, so a park sees its own; a
/// task still to be assigned (待分派) lies at the document's jurisdiction, where the office sees it.
/// </summary>
public sealed class MeasureTask : ScopedEntity
{
    public Guid DocumentId { get; set; }
    public Guid MeasureId { get; set; }
    /// <summary>Null while the task is 待分派.</summary>
    public Guid? UnitId { get; set; }
    public MeasureRole Role { get; set; }
    /// <summary>The name the clause writes when it is not the unit's own: a catch-all (各县（区）, 各产业链牵头部门) the unit was
    /// expanded from, or the name a 待分派 task waits on (区级相关部门). Null for a unit the clause names itself.</summary>
    public string? NamedAs { get; set; }
    /// <summary>What the unit is in the catch-all's class: its county, or the chains it leads (钒钛钢铁新材料、…).</summary>
    public string? Via { get; set; }
    /// <summary>The measure's number and title as the document writes them, for lists and exports.</summary>
    public string Title { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public MeasureTaskStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    /// <summary>The supervisor's latest mark (红黄绿灯), if any.</summary>
    public TrafficLight? Light { get; set; }
}

/// <summary>A dated milestone of a task.</summary>
public sealed class TaskMilestone : ScopedEntity
{
    public Guid TaskId { get; set; }
    public string Title { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

/// <summary>A unit's monthly progress report on a task (黔江: 于每月1日前报送), one per month.</summary>
public sealed class TaskReport : ScopedEntity
{
    public Guid TaskId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The month reported, yyyy-MM.</summary>
    public string Period { get; set; } = "";
    public string Progress { get; set; } = "";
    public string? Difficulties { get; set; }
    public int PercentComplete { get; set; }
    public DateOnly SubmittedOn { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = "";
}

/// <summary>A supervisor's (督查) comment on a task with its red/yellow/green mark.</summary>
public sealed class TaskReview : ScopedEntity
{
    public Guid TaskId { get; set; }
    public TrafficLight Light { get; set; }
    public string Comment { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
}
