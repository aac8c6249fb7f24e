using Qianglian.Core.Evaluation;
using Qianglian.Core.Scoring;

namespace Qianglian.Web.Modules.Evaluation;

public sealed record IndexRunView(Guid Id, IndexSubject Subject, int Year, Guid JurisdictionId, string JurisdictionPath, string Jurisdiction, string ModelVersion, Guid ModelId,
    int SubjectCount, int ScoredCount, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>One subject's result with its explanation: every indicator's value, points and the rule with the numbers filled in.</summary>
public sealed record IndexResultView(Guid Id, Guid RunId, Guid SubjectId, string JurisdictionPath, string Name, decimal? Score, int? Rank, string Class, string ClassKey, Verdict Verdict,
    IReadOnlyList<IndicatorScore> Lines, IReadOnlyDictionary<string, decimal> Dimensions, IReadOnlyList<string> Notes);

/// <param name="Results">Best first; subjects that could not be scored last.</param>
public sealed record IndexRanking(IndexRunView Run, IReadOnlyList<IndexResultView> Results, IReadOnlyList<IndexResultView> Praised, IReadOnlyList<IndexResultView> Criticised);

/// <summary>What a result stores as its explanation (JSON).</summary>
internal sealed record StoredExplanation(IReadOnlyList<IndicatorScore> Lines, IReadOnlyDictionary<string, decimal> Dimensions, IReadOnlyList<string> Notes);

/// <param name="DefaultBasis">When the pack labels the index's numbers a platform default (达州 （七） gives none), its basis;
/// null for a revision saved on screen.</param>
public sealed record IndexModelView(Guid Id, Guid JurisdictionId, string JurisdictionPath, string Jurisdiction, string Code, int Year, int Revision, string Name, string Origin,
    DateTimeOffset CreatedAt, IndexDefinition Definition, string? DefaultBasis);
