using System.Text.Json.Serialization;

namespace Qianglian.Web.Modules.Inbox;

/// <summary>What kind of work an inbox item is: each source gives one or two kinds, and the reminders are set per kind.</summary>
public enum InboxKind
{
    /// <summary>An application waits at a workflow stage the user may act on (or for the user's unit's opinion).</summary>
    ApplicationStage = 1,
    /// <summary>An enterprise's own application returned for completion, or pushed to it as 免申即享 to confirm.</summary>
    ApplicationToComplete = 2,
    /// <summary>A problem handled now by the user's unit, or by the user as chain chief (or deputy).</summary>
    Problem = 3,
    /// <summary>A problem the enterprise raised, answered and waiting for its satisfaction rating.</summary>
    ProblemRating = 4,
    /// <summary>A measure task's monthly report due soon or overdue.</summary>
    TaskReport = 5,
    /// <summary>A measure task whose completion date is near or past.</summary>
    TaskDeadline = 6,
    /// <summary>A measure task no unit is named for yet (待分派): the office assigns it.</summary>
    TaskToAssign = 7,
    /// <summary>A matter assigned at a chain meeting or after a visit (交办事项) to the user's unit.</summary>
    Matter = 8,
    /// <summary>A target enterprise pushed to the user's locality, to accept or return.</summary>
    TargetPush = 9,
    /// <summary>A tier review's proposals awaiting the office's decision.</summary>
    TierProposals = 10,
    /// <summary>An objection to a 亩均 grade awaiting the office's decision.</summary>
    Objection = 11,
    /// <summary>A project's monthly dispatch report owed.</summary>
    ProjectReport = 12,
    /// <summary>A 容缺 commitment of a project: an approval tolerated against a committed date, not yet approved.</summary>
    Commitment = 13,
    /// <summary>A project whose open approvals near or pass the jurisdiction's working-day limit (安康 九: 70 个工作日).</summary>
    ApprovalLimit = 14,
    /// <summary>A project's request for quota waiting for its chain chief's allocation (攀枝花 二).</summary>
    QuotaRequest = 15,
    /// <summary>A claim of arrears filed and waiting for the office's verification (清欠).</summary>
    ArrearsToVerify = 16,
    /// <summary>A claim of arrears past its payment date or a missed instalment: escalated to the office (清欠).</summary>
    ArrearsOverdue = 17,
}

/// <param name="RowId">The row the work is on (application, problem, task, matter, push, run, objection, project).</param>
/// <param name="What">What is to be done, in words.</param>
/// <param name="Why">Why it is the user's: the stage's actor, the unit, the chain, the locality.</param>
/// <param name="DueOn">The business date it is due by, as the module's rule sets it; null when the documents give none.</param>
/// <param name="WorkingDaysLeft">Working days from today to the due date on the holiday calendar of the row's place
/// (negative: working days overdue); null without a due date.</param>
/// <param name="Overdue">Past its due date by the module's own rule.</param>
/// <param name="DueSoon">Inside the module's own reminder window.</param>
/// <param name="Link">The page where it is done.</param>
/// <param name="Place">The row's jurisdiction path: the calendar of working days is that place's (not sent to clients).</param>
public sealed record InboxItem(InboxKind Kind, Guid RowId, string What, string Why, DateOnly? DueOn, int? WorkingDaysLeft, bool Overdue, bool DueSoon, string Link,
    [property: JsonIgnore] string Place = "");

/// <summary>The counts the top bar shows.</summary>
public sealed record InboxCounts(int Total, int Overdue, int DueSoon);

/// <summary>The inbox of one user: the items, most urgent first, and the counts.</summary>
public sealed record InboxView(IReadOnlyList<InboxItem> Items, InboxCounts Counts);
