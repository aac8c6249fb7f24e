using Qianglian.Core.Cultivation;
using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Cultivation;

/// <param name="DefaultBasis">When the pack labels the model's numbers a platform default (no seed gives them), its basis;
/// null for a revision saved on screen.</param>
public sealed record ModelView(Guid Id, ModelKind Kind, string Code, int Year, int Revision, string Name, string Origin, Guid JurisdictionId, string JurisdictionPath,
    DateTimeOffset CreatedAt, string Definition, int Version, string? DefaultBasis);

public sealed record RunView(Guid Id, RunKind Kind, int Year, RunStatus Status, string Title, string ModelVersions, int SubjectCount, Guid JurisdictionId,
    string JurisdictionPath, DateTimeOffset CreatedAt, string CreatedBy, DateOnly? PublishedOn, DateOnly? ObjectionDeadline, string? Notice,
    DateTimeOffset? FinishedAt, int Pending, int OpenObjections, IReadOnlyDictionary<string, int> Classes, int Version);

/// <param name="Group">A grading's group, 规上企业 or 规下企业 (安康 七): each is graded by its own model and <paramref name="Rank"/> is within it; null for a tier review.</param>
/// <param name="Rank">1 = best within the group (a grading) or the chain (a tier review); equal scores share a rank.</param>
public sealed record ResultView(Guid Id, Guid RunId, Guid EnterpriseId, string EnterpriseName, string Uscc, Guid? ChainId, string? ChainName, string JurisdictionPath,
    decimal? Score, string? Group, int? Rank, string Class, string FinalClass, bool Exempt, string? Notes, Tier? HeldTier, Tier? ReachedTier, ProposalKind Proposal,
    Decision Decision, string? DecisionNote, int Version);

public sealed record ResultPage(IReadOnlyList<ResultView> Items, int Total);

/// <summary>A run as one of its results shows it: the run's own fields, without the counts over all its results.</summary>
public sealed record RunHeader(Guid Id, RunKind Kind, int Year, RunStatus Status, string Title, string ModelVersions, int SubjectCount, Guid JurisdictionId,
    string JurisdictionPath, DateOnly? PublishedOn, DateOnly? ObjectionDeadline, int Version);

/// <summary>One result with everything behind it: the run, the model, every indicator line and the what-if.</summary>
public sealed record ResultDetail(ResultView Result, RunHeader Run, string ModelName, string? ModelSource, SubjectScore Score, WhatIfResult? WhatIf,
    IReadOnlyList<ObjectionView> Objections);

public sealed record ObjectionView(Guid Id, Guid RunId, Guid ResultId, Guid EnterpriseId, string EnterpriseName, string JurisdictionPath, string Reason, string FiledBy,
    DateTimeOffset FiledAt, ObjectionStatus Status, string? Resolution, string? NewClass, string? ResolvedBy, DateTimeOffset? ResolvedAt, string CurrentClass, int Version);

public sealed record TierView(Guid Id, Guid EnterpriseId, string EnterpriseName, Guid ChainId, string ChainName, string JurisdictionPath, Tier Tier,
    int FromYear, int? ToYear, ProposalKind? EndedBy);

public sealed record ExitView(Guid Id, Guid EnterpriseId, string EnterpriseName, Guid ChainId, string ChainName, string JurisdictionPath, Tier LastTier, int Year,
    string Reason, string Notice, DateOnly NoticeDate);

/// <param name="Leaders">The chain's 链主 as of <paramref name="Year"/> (Core's ChainLeaders rule: role, evidence, place, ledger exits).</param>
/// <param name="Target">The chain's target for 链主 (e.g. 2–3 by 2027), when a pack sets one for the chain's jurisdiction.</param>
/// <param name="TargetMet">Whether <paramref name="Leaders"/> meets the target now.</param>
public sealed record ChainTierCount(Guid ChainId, string ChainName, string JurisdictionPath, int Demonstration, int Cultivation, int Candidate, int Leaders,
    int Year, string? Target, bool? TargetMet);

public sealed record DistributionRow(string Group, IReadOnlyDictionary<string, int> Classes, int Total);
