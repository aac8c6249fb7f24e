using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>A chain chief's field visit (调研, 达州 （二）: 深入重点企业、园区实地调研) with what was found.</summary>
public sealed class FieldVisit : ScopedEntity
{
    public Guid ChainId { get; set; }
    public DateOnly VisitedOn { get; set; }
    public string Place { get; set; } = "";
    public List<Guid> EnterpriseIds { get; set; } = [];
    public string Participants { get; set; } = "";
    public string Findings { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

/// <summary>A quarterly promotion meeting of a chain (推进会议): agenda, attendees; its decisions become assigned matters.</summary>
public sealed class PromotionMeeting : ScopedEntity
{
    public Guid ChainId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Title { get; set; } = "";
    public string Agenda { get; set; } = "";
    public string Attendees { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

public enum MatterStatus { Open = 0, Done = 1 }

/// <summary>
/// 交办事项: a decision of a meeting (or an instruction after a visit) given to a unit with a deadline, tracked until
/// the unit reports it done. Scoped to the unit's jurisdiction, so the unit sees it and the chain's leaders above it do.
/// </summary>
public sealed class AssignedMatter : ScopedEntity
{
    public Guid ChainId { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? VisitId { get; set; }
    public string Decision { get; set; } = "";
    public Guid UnitId { get; set; }
    public DateOnly DueOn { get; set; }
    public MatterStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? CompletionNote { get; set; }
    public string AssignedBy { get; set; } = "";
}
