using Qianglian.Core.Audit;
using Qianglian.Core.Cultivation;
using Qianglian.Web.Data;

namespace Qianglian.Web.Modules.Cultivation;

public enum RunKind { TierReview = 1, Grading = 2 }

public enum Decision { NotNeeded = 0, Pending = 1, Confirmed = 2, Rejected = 3 }

public enum ObjectionStatus { Open = 1, Upheld = 2, Dismissed = 3 }

/// <summary>
/// A stored evaluation of a jurisdiction's enterprises for a year: a tier review (proposals confirmed item by item)
/// or a per-mu grading (published with an objection window, then locked). It names the model revisions it used.
/// </summary>
public sealed class EvaluationRun : ScopedEntity
{
    public RunKind Kind { get; set; }
    public int Year { get; set; }
    public RunStatus Status { get; set; }
    public string Title { get; set; } = "";
    public List<Guid> ModelIds { get; set; } = [];
    public string ModelVersions { get; set; } = "";
    public int SubjectCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? ObjectionDeadline { get; set; }
    public string? Notice { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>
    /// The values the missing-data rule imputed, by model and indicator (JSON): with a result's figures, what its
    /// explanation is written out from.
    /// </summary>
    public string Averages { get; set; } = "{}";

    /// <summary>
    /// The lowest total the run gave each class, by model and class key (JSON): what a rank-share what-if aims at, kept
    /// with the run rather than searched for among a million results each time one is opened.
    /// </summary>
    public string LowestTotals { get; set; } = "{}";

    /// <summary>
    /// The seal of the run's results (<see cref="Seal"/>), recorded in the run's audit trail in place of an entry per
    /// result; <c>verify-audit</c> recomputes it. Null for runs stored before results were sealed (each audited).
    /// </summary>
    public string? ResultsSeal { get; set; }
}

/// <summary>
/// One enterprise's result of a run (for a chain, in a tier review): score, rank and class, and the figures the model
/// read, from which its explanation is written out on demand (<see cref="ResultExplanation"/>).
/// </summary>
[ProvinceScaleRows]
public sealed class EvaluationResult : ScopedEntity, IEnterpriseOwned, ISealedRow
{
    public Guid RunId { get; set; }
    public Guid ModelId { get; set; }
    public Guid EnterpriseId { get; set; }
    public Guid? ChainId { get; set; }
    public decimal? Score { get; set; }
    public int? Rank { get; set; }
    public string Class { get; set; } = "";
    public string ClassKey { get; set; } = "";
    /// <summary>The class after objections (a grading), as locked.</summary>
    public string FinalClass { get; set; } = "";
    public bool Exempt { get; set; }

    /// <summary>The values the model read, by key (JSON, <see cref="Figures"/>); null when the enterprise could not be evaluated.</summary>
    public string? Figures { get; set; }

    /// <summary>The explanation as runs stored it before they kept figures; null since.</summary>
    public string? Explanation { get; set; }
    public string? Notes { get; set; }

    public Tier? HeldTier { get; set; }
    public Tier? ReachedTier { get; set; }
    public ProposalKind Proposal { get; set; }
    public Decision Decision { get; set; }
    public string? DecisionNote { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;

    /// <summary>What the run fixed; the decision and the class after objections change later, audited change by change.</summary>
    void ISealedRow.AddSealedFields(RowSealBuilder row) => row
        .Add(Id).Add(RunId).Add(ModelId).Add(EnterpriseId).Add(ChainId).Add(JurisdictionId)
        .Add(Score).Add(Rank).Add(Class).Add(ClassKey).Add(Exempt)
        .Add(Figures).Add(Explanation).Add(Notes).Add((int?)HeldTier).Add((int?)ReachedTier).Add((int)Proposal);
}

/// <summary>An enterprise's objection to its published grade, and how it was resolved.</summary>
public sealed class Objection : ScopedEntity, IEnterpriseOwned
{
    public Guid RunId { get; set; }
    public Guid ResultId { get; set; }
    public Guid EnterpriseId { get; set; }
    public string Reason { get; set; } = "";
    public string FiledBy { get; set; } = "";
    public DateTimeOffset FiledAt { get; set; }
    public ObjectionStatus Status { get; set; }
    public string? Resolution { get; set; }
    public string? NewClass { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>A tier an enterprise held for a chain, from a year (to a year, once left): the history keeps every one.</summary>
public sealed class TierMembership : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public Guid ChainId { get; set; }
    public Tier Tier { get; set; }
    public int FromYear { get; set; }
    public int? ToYear { get; set; }
    public Guid? StartedByResultId { get; set; }
    public ProposalKind? EndedBy { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}

/// <summary>An exit from the ledger (退出程序): why, the notice given, and when.</summary>
public sealed class TierExit : ScopedEntity, IEnterpriseOwned
{
    public Guid EnterpriseId { get; set; }
    public Guid ChainId { get; set; }
    public Tier LastTier { get; set; }
    public int Year { get; set; }
    public string Reason { get; set; } = "";
    public string Notice { get; set; } = "";
    public DateOnly NoticeDate { get; set; }
    public Guid ResultId { get; set; }

    Guid? IEnterpriseOwned.EnterpriseId => EnterpriseId;
}
