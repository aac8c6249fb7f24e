using Qianglian.Core.Supervision;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Supervision;

/// <summary>
/// A problem of the ledger (问题台账): an enterprise's difficulty, handled at the lowest level able to solve it and
/// escalated up the ladder when overdue or beyond a unit's powers. Scoped to the enterprise's jurisdiction, so the
/// county, the city's lead department and the chain chief above it all see it; owned by the enterprise.
/// </summary>
public sealed class Problem : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public Guid? ChainId { get; set; }
    public ProblemCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ProblemSource Source { get; set; }
    /// <summary>What the source was (a visit's date, a meeting, a project's name or number) — text, so a problem
    /// can name a project's monthly report without a key into another module's table.</summary>
    public string? SourceReference { get; set; }
    public string FiledBy { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }

    public ProblemStatus Status { get; set; } = ProblemStatus.Open;
    public EscalationLevel Level { get; set; } = EscalationLevel.Local;
    /// <summary>The unit handling it now (none at the chain-chief level).</summary>
    public Guid? AssignedUnitId { get; set; }
    /// <summary>The chain chief handling it (at the chain-chief level only).</summary>
    public Guid? AssignedUserId { get; set; }
    /// <summary>The county/park unit that had it first: the figures by unit count against it.</summary>
    public Guid? FirstUnitId { get; set; }
    public DateTimeOffset LevelReachedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public bool Escalated { get; set; }
    /// <summary>Went up a level because its deadline passed: it can no longer count as on time.</summary>
    public bool EverOverdue { get; set; }

    public string? Resolution { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedUnitId { get; set; }
    public Satisfaction? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public bool ClosedOnTime { get; set; }
    public int ReopenCount { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary><see cref="Supervised"/>: the office (or the chain chief) set a new deadline under supervision (督办).</summary>
public enum ProblemStepKind { Filed = 1, Assigned = 2, Escalated = 3, Resolved = 4, Confirmed = 5, Reopened = 6, Supervised = 7 }

/// <summary>One step of a problem's history, as officials and the enterprise read it (the audit log has every field).</summary>
public sealed class ProblemStep : ScopedEntity, IEnterpriseOwned
{
    public Guid ProblemId { get; set; }
    public Guid EnterpriseId { get; set; }
    public DateTimeOffset At { get; set; }
    public ProblemStepKind Kind { get; set; }
    public EscalationLevel Level { get; set; }
    public EscalationReason? Reason { get; set; }
    public Guid? UnitId { get; set; }
    public string Actor { get; set; } = "";
    public string? Note { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A file attached to a problem (a photo, a letter). The content is kept in the database with its SHA-256.</summary>
public sealed class ProblemAttachment : ScopedEntity, IEnterpriseOwned
{
    public Guid ProblemId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    [AuditMasked] public byte[] Content { get; set; } = [];
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
